import { reportsOf } from "../../reports/data/report-state.js";
import type { EventScope } from "../event-scope.js";
import { generatePostmortem } from "./generate-postmortem.js";

/**
 * Called where an incident becomes resolved: opens the postmortem pull request when the
 * config says `postmortem.when: resolve` and none was opened yet (regenerating is
 * `/postmortem`'s job, so resolving again after a reopen does not rewrite a report).
 */
export async function maybeOpenPostmortem(scope: EventScope, issue: number): Promise<void> {
  if (scope.config.postmortem.when !== "resolve") return;
  const loaded = await scope.incident(issue);
  const resolvedAt = loaded.history.resolvedAt;
  if (!loaded.state || !resolvedAt || loaded.history.current !== "resolved") return;
  if (reportsOf(loaded.state).postmortem) return;
  await generatePostmortem(
    scope,
    issue,
    resolvedAt,
    `resolved-${issue}-${resolvedAt.replace(/[^0-9]/g, "")}`,
  );
}
