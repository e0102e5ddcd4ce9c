import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether `Authorization: Bearer <token>` carries the operator's token. Both sides are
 * hashed first so they have the same length, and compared in constant time: neither the
 * token's length nor its prefix can be learnt from response times.
 */
export function bearerTokenMatches(header: string | undefined, expected: string): boolean {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "");
  const given = match?.[1] ?? "";
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected)) && given.length > 0;
}

/** The repositories `FIREWATCH_ALERT_REPOS` allows (lowercase `owner/name`), or undefined for any. */
export function allowedAlertRepos(setting: string | undefined): Set<string> | undefined {
  const names = (setting ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
  return names.length > 0 ? new Set(names) : undefined;
}
