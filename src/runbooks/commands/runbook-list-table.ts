import type { RunbookFile } from "../runbook-file.js";
import { isKnownAs } from "../runbook-identity.js";
import { fileRunbookId } from "./runnable-file.js";

/**
 * `/runbook list`: every runbook file with what starts it and how its last run on this
 * incident stands; a file with errors says how many and where the first is.
 */
export function runbookListTable(
  directory: string,
  files: readonly RunbookFile[],
  executions: readonly { runbook: string; status: string }[],
): string {
  if (files.length === 0) return `There are no runbooks in \`${directory}\` yet.`;
  const rows = files.map((f) => {
    const name = fileRunbookId(f);
    const last = executions.filter((e) => (f.runbook ? isKnownAs(f.runbook, e.runbook) : e.runbook === name)).at(-1);
    const triggers = f.runbook?.triggers
      ? Object.entries(f.runbook.triggers)
          .map(([k, v]) => `${k}: ${(v as string[]).join(", ")}`)
          .join("; ")
      : "by hand";
    const state = f.runbook
      ? last
        ? last.status
        : "not run"
      : `❌ ${f.errors.length} error${f.errors.length === 1 ? "" : "s"} (line ${f.errors[0]?.line ?? 1})`;
    return `| \`${name}\` | ${triggers} | ${state} |`;
  });
  return ["| Runbook | Starts | On this incident |", "| --- | --- | --- |", ...rows].join("\n");
}
