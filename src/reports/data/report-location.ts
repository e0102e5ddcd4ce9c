import { slugify } from "../../markdown/slugify.js";

/** The postmortem's branch: one per incident, so regenerating finds it again. */
export function postmortemBranch(issue: number): string {
  return `firewatch/postmortem-${issue}`;
}

/** The issue number a postmortem branch belongs to, or undefined for any other branch. */
export function issueOfPostmortemBranch(branch: string): number | undefined {
  const match = /^firewatch\/postmortem-([1-9][0-9]{0,9})$/.exec(branch);
  return match ? Number(match[1]) : undefined;
}

/**
 * `<directory>/<YYYY-MM-DD>-<slug>.md`. The slug is the only part taken from user text and
 * matches `[a-z0-9-]+`, so no title (`../../x`, 300 characters, emoji) can leave the
 * directory or make an invalid name; the directory comes from the config and is cleaned of
 * `.`/`..` segments all the same.
 */
export function postmortemPath(directory: string, date: string, title: string, issue: number): string {
  const dir = directory
    .split("/")
    .filter((s) => s !== "" && s !== "." && s !== "..")
    .join("/");
  const day = /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? "undated";
  const name = `${day}-${slugify(title.replace(/^\s*\[incident\]\s*/i, ""), { fallback: `incident-${issue}` })}.md`;
  return dir ? `${dir}/${name}` : name;
}
