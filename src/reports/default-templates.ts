import { readFileSync } from "node:fs";

export type ReportKind = "postmortem" | "recovery-report";

export const REPORT_KINDS: readonly ReportKind[] = ["postmortem", "recovery-report"];

// Filled once per process from the app's own packaged files: the only I/O in src/reports,
// and deterministic (the same files for the life of the process).
const defaultTemplateCache = new Map<ReportKind, string>();

/**
 * The default template for a report kind, read from `templates/<kind>.md.hbs` next to the
 * package (the same relative path from `src/reports/` and from the built `lib/reports/`).
 */
export function defaultTemplate(kind: ReportKind): string {
  let source = defaultTemplateCache.get(kind);
  if (source === undefined) {
    source = readFileSync(new URL(`../../templates/${kind}.md.hbs`, import.meta.url), "utf8");
    defaultTemplateCache.set(kind, source);
  }
  return source;
}
