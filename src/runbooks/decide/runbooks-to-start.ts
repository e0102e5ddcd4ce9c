import { matchingRunbooks } from "../match-runbooks.js";
import type { RunbookIncident } from "../runbook-incident.js";
import type { Runbook } from "../schema.js";

/**
 * The runbooks an incident starts by itself now: valid files whose triggers all match and
 * whose runbook never ran on it (`started`: the names in the card and in execution comments),
 * each name once, in file order. A runbook that ran once does not start again when its
 * triggers match anew; `/runbook run` starts it again.
 */
export function runbooksToStart<F extends { runbook?: Runbook | undefined }>(
  files: readonly F[],
  incident: Pick<RunbookIncident, "severity" | "services" | "labels">,
  started: Iterable<string>,
): (F & { runbook: Runbook })[] {
  const candidates = files
    .filter((f): f is F & { runbook: Runbook } => f.runbook !== undefined)
    .map((file) => ({ file, triggers: file.runbook.triggers }));
  const names = new Set(started);
  const chosen: (F & { runbook: Runbook })[] = [];
  for (const { file } of matchingRunbooks(candidates, incident)) {
    // An execution recorded under the old slug `name:` is this runbook's too.
    if (names.has(file.runbook.name) || (file.runbook.alias !== undefined && names.has(file.runbook.alias))) continue;
    names.add(file.runbook.name);
    chosen.push(file);
  }
  return chosen;
}
