/**
 * Hidden blocks are HTML comments in comments and issue bodies the app writes: GitHub
 * does not render them, so they carry machine-readable facts (which cause a comment
 * belongs to, an incident's state) without cluttering what people read.
 */
const KEY = /^[A-Za-z0-9:_./-]{1,200}$/;

/** The marker that names the cause of a comment or issue, found again by `hasMarker`. */
export function marker(key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid marker key: ${JSON.stringify(key)}`);
  return `<!-- firewatch:key ${key} -->`;
}

export function hasMarker(body: string | null | undefined, key: string): boolean {
  return (body ?? "").includes(marker(key));
}

/** Whether the body carries a marker whose key starts with `prefix` (any of a family of causes). */
export function hasMarkerWithPrefix(body: string | null | undefined, prefix: string): boolean {
  return (body ?? "").includes(marker(prefix).replace(/ -->$/, ""));
}

/**
 * JSON inside an HTML comment. `--` (the only way JSON could end the comment) and angle
 * brackets are written as JSON escapes, so user text in the data can neither close the
 * comment nor look like markup to anything that scans the body.
 */
export function dataBlock(name: string, data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/--/g, "-\\u002d")
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e");
  return `<!-- firewatch:data ${name} ${json} -->`;
}

export function readDataBlock(body: string | null | undefined, name: string): unknown {
  const start = `<!-- firewatch:data ${name} `;
  const text = body ?? "";
  const from = text.indexOf(start);
  if (from === -1) return undefined;
  const to = text.indexOf(" -->", from + start.length);
  if (to === -1) return undefined;
  try {
    return JSON.parse(text.slice(from + start.length, to));
  } catch {
    return undefined;
  }
}
