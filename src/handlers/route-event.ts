import { parseCommands } from "../commands/parse/parse-commands.js";
import type { LabelNames } from "../incident/label-names.js";
import { isIncidentForm } from "../incident/parse-issue-form.js";
import { issueOfPostmortemBranch } from "../reports/data/report-location.js";
import { parseCorrelationId } from "./runbooks/execution-store.js";

/**
 * What an event is about, decided from its payload alone, before any request:
 * - `incident`: one issue's incident (its lock key is `owner/repo#n`);
 * - `pull`: a pull request that may change runbooks (`owner/repo:pull#n`);
 * - `search`: a workflow run the app may have dispatched whose title names no step, or the
 *   tick workflow's run: the handler finds the incidents and locks each one it touches;
 * - `ignore`: cannot concern Firewatch, and costs nothing.
 */
export type Route =
  | { kind: "incident"; issue: number; key: string }
  | { kind: "pull"; pull: number; key: string }
  | { kind: "search"; key: string }
  | { kind: "ignore" };

export interface RouteInput {
  /** `issues.labeled`, `issue_comment.created`, … */
  name: string;
  payload: Record<string, unknown>;
  names: LabelNames;
  /** The app's own login (`<slug>[bot]`): runs it dispatched are the only uncorrelated runs worth a look. */
  appLogin?: string;
}

const IGNORE: Route = { kind: "ignore" };

/** The tick workflow shipped in `.github/workflows/firewatch-tick.yml`: its runs tick open incidents. */
export const TICK_WORKFLOW = "firewatch-tick.yml";

export function routeEvent({ name, payload, names, appLogin }: RouteInput): Route {
  const repo = (payload.repository as { full_name?: string } | undefined)?.full_name ?? "?";
  const incident = (issue: number): Route => ({ kind: "incident", issue, key: `${repo}#${issue}` });
  const [event, action] = name.split(".");
  if (event === "issues") return routeIssueEvent(action, payload, names, incident);
  if (event === "issue_comment") return routeComment(action, payload, incident);
  if (event === "pull_request") {
    const pull = payload.pull_request as PullPayload;
    if (action === "closed") {
      const issue = issueOfPostmortemBranch(pull.head.ref);
      return pull.merged && issue !== undefined ? incident(issue) : IGNORE;
    }
    return { kind: "pull", pull: pull.number, key: `${repo}:pull#${pull.number}` };
  }
  if (event === "workflow_run") {
    const run = payload.workflow_run as RunPayload;
    const correlation = parseCorrelationId(`${run.display_title ?? ""} ${run.name ?? ""}`);
    if (correlation) return incident(correlation.issue);
    const isTick = (run.path ?? "").split("/").pop() === TICK_WORKFLOW;
    // A step's run whose title lacks the id: dispatched by the app itself.
    const starter = run.triggering_actor?.login ?? run.actor?.login;
    const dispatchedByApp =
      run.event === "workflow_dispatch" && (appLogin === undefined || starter === appLogin);
    return isTick || dispatchedByApp ? { kind: "search", key: `${repo}:runs` } : IGNORE;
  }
  return IGNORE;
}

interface PullPayload {
  number: number;
  merged?: boolean | null;
  head: { ref: string };
}

interface RunPayload {
  display_title?: string;
  name?: string | null;
  path?: string;
  event?: string;
  actor?: { login?: string } | null;
  triggering_actor?: { login?: string } | null;
}

interface IssuePayload {
  number: number;
  body?: string | null;
  labels?: ({ name: string } | null)[];
  pull_request?: unknown;
}

function routeIssueEvent(
  action: string | undefined,
  payload: Record<string, unknown>,
  names: LabelNames,
  incident: (issue: number) => Route,
): Route {
  const issue = payload.issue as IssuePayload;
  const labels = (issue.labels ?? []).flatMap((l) => (l ? [l.name] : []));
  const isIncident = labels.includes(names.incident);
  const label = (payload.label as { name?: string } | undefined)?.name;
  if (action === "opened")
    // Created with the incident label, the issue is declared by the `labeled` event GitHub
    // sends for it; a form whose label the repository lacks only ever sends `opened`.
    return !isIncident && isIncidentForm(issue.body ?? null) ? incident(issue.number) : IGNORE;
  if (action === "labeled" && label === names.incident) return incident(issue.number);
  if (isIncident) return incident(issue.number);
  // A status or severity label on an ordinary issue gets one hint; anything else is not ours.
  const hint =
    action === "labeled" && label && (names.isStatusLabel(label) || names.isSeverityLabel(label));
  return hint ? incident(issue.number) : IGNORE;
}

function routeComment(
  action: string | undefined,
  payload: Record<string, unknown>,
  incident: (issue: number) => Route,
): Route {
  const issue = payload.issue as IssuePayload;
  const comment = payload.comment as { body?: string | null; user?: { type?: string } | null };
  const sender = payload.sender as { type?: string } | undefined;
  if (action === "created") {
    if (sender?.type === "Bot" || issue.pull_request) return IGNORE;
    return parseCommands(comment.body ?? "").commands.length > 0 ? incident(issue.number) : IGNORE;
  }
  if (action === "edited") {
    // A box ticked in one of the app's runbook comments; people's own edits are not re-run.
    const ours =
      comment.user?.type === "Bot" && (comment.body ?? "").includes("<!-- firewatch:key runbook:");
    return ours ? incident(issue.number) : IGNORE;
  }
  return IGNORE;
}
