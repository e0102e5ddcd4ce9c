import { createHash } from "node:crypto";

/** A strong ETag of the response body, as GitHub sends on GET. */
export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("hex").slice(0, 40)}"`;
}

/** True when `If-None-Match` names this ETag (weak or strong, or `*`). */
export function matchesIfNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const tags = (Array.isArray(header) ? header.join(",") : header).split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  return tags.includes("*") || tags.includes(etag);
}
