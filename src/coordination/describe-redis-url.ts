/** What {@link describeRedisUrl} gives for a value that is not a redis:// or rediss:// URL. */
export const NOT_A_REDIS_URL = "a value that is not a redis:// or rediss:// URL";

/**
 * REDIS_URL as it may be shown in logs and errors: the password replaced by `***`
 * (`redis://:***@cache:6379/0`). A value that is not a redis:// or rediss:// URL is not
 * echoed at all ({@link NOT_A_REDIS_URL}), since it could be a bare secret or a
 * `password@host` pasted without its scheme.
 */
export function describeRedisUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return NOT_A_REDIS_URL;
  }
  if ((url.protocol !== "redis:" && url.protocol !== "rediss:") || !url.hostname)
    return NOT_A_REDIS_URL;
  if (url.password) url.password = "***";
  return url.toString();
}
