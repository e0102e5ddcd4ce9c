/**
 * REDIS_URL as it may be shown in logs and errors: the password replaced by `***`
 * (`redis://:***@cache:6379/0`). A value that is not a URL is not echoed at all, since it
 * could be a bare secret pasted in the wrong place.
 */
export function describeRedisUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "(not a URL)";
  }
  if (url.password) url.password = "***";
  return url.toString();
}
