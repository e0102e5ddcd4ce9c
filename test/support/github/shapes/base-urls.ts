/** Where the stand-in lives: `api` is the REST root (…/api/v3, as on GHES), `web` the HTML root. */
export interface BaseUrls {
  api: string;
  web: string;
}

/** A GraphQL-style node id; GitHub's are opaque base64 strings. */
export function nodeId(kind: string, id: number): string {
  return Buffer.from(`0:${kind}${id}`).toString("base64").replace(/=+$/, "");
}
