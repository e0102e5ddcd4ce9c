import type { Context } from "probot";
import type { AppDeps } from "../../app/deps.js";
import { isIncidentForm } from "../../incident/parse-issue-form.js";
import { openScope } from "../event-scope.js";
import { startMatchingRunbooks } from "./start-matching-runbooks.js";

type IssuesContext = Context<
  "issues.opened" | "issues.labeled" | "issues.unlabeled" | "issues.closed" | "issues.reopened"
>;

/**
 * After the incident handler: `opened` and `labeled` may make runbooks match (declared,
 * severity or a trigger label); every event of an incident ticks its running runbooks.
 */
export async function onIssueRunbooks(context: IssuesContext, deps: AppDeps): Promise<void> {
  const { payload } = context;
  const mayStart = payload.action === "opened" || payload.action === "labeled";
  const scope = await openScope(context, deps);
  const isIncident = (payload.issue.labels ?? []).some((l) => l?.name === scope.names.incident);
  // An issue that is no incident costs nothing more; a form whose label the repository
  // lacks was just declared by the incident handler and counts.
  if (!isIncident && !(payload.action === "opened" && isIncidentForm(payload.issue.body))) return;
  await startMatchingRunbooks(scope, payload.issue.number, payload.sender.login, {
    defaultBranch: payload.repository.default_branch,
    start: mayStart,
  });
}
