import type { EventScope } from "../event-scope.js";
import { listExecutions, type StoredExecution } from "./execution-store.js";
import { startMatchingRunbooks } from "./start-matching-runbooks.js";

/** An open incident and its running executions (what a tick advances). */
export interface OpenIncident {
  issue: number;
  running: StoredExecution[];
}

/**
 * The incidents among `issues` that have running executions — runbooks whose steps may time
 * out, recovery plans whose stakeholder updates may be due: one listing of each issue's
 * comments (a 304, free, when nothing changed since the last tick).
 */
export async function withRunningExecutions(
  scope: EventScope,
  issues: readonly number[],
): Promise<OpenIncident[]> {
  const open: OpenIncident[] = [];
  for (const issue of issues) {
    const running = (await listExecutions(scope.reads, issue)).filter(
      (e) => e.state.status === "running",
    );
    if (running.length > 0) open.push({ issue, running });
  }
  return open;
}

/** Open incidents read per repository by {@link runningIncidentsOf}: the newest ones. */
const MAX_INCIDENTS_LISTED = 20;

/**
 * The repository's newest open incidents (at most {@link MAX_INCIDENTS_LISTED}, one listing)
 * with running executions: what a workflow run that names no incident, the tick workflow's
 * run and Actions mode's `schedule` look at.
 */
export async function runningIncidentsOf(scope: EventScope): Promise<OpenIncident[]> {
  const { data: issues } = await scope.octokit.rest.issues.listForRepo({
    ...scope.repo,
    state: "open",
    labels: scope.names.incident,
    per_page: MAX_INCIDENTS_LISTED,
  });
  return withRunningExecutions(
    scope,
    issues.filter((i) => !i.pull_request).map((i) => i.number),
  );
}

/**
 * A tick of each incident, in its own lock: steps past their timeout fail, due update
 * reminders are posted; nothing new starts. Shared by the tick workflow's run
 * (on-workflow-run.ts) and the server's built-in clock (src/clock/); one failing incident
 * does not stop the others. Returns how many incidents were ticked without an error.
 */
export async function tickIncidents(
  scope: EventScope,
  open: readonly OpenIncident[],
  sender: string,
  defaultBranch?: string,
): Promise<number> {
  let ticked = 0;
  for (const { issue } of open) {
    try {
      await scope.lockIncident(issue, () =>
        startMatchingRunbooks(scope, issue, sender, {
          ...(defaultBranch ? { defaultBranch } : {}),
          start: false,
        }),
      );
      ticked++;
    } catch (error) {
      scope.log.error(
        { err: error, delivery: scope.deliveryId, issue },
        "ticking an incident failed",
      );
    }
  }
  return ticked;
}
