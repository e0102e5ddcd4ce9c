import type { Context } from "probot";
import type { AppDeps } from "../app/deps.js";
import type { IssueChange } from "../incident/decide-label-change.js";
import { isIncidentForm } from "../incident/parse-issue-form.js";
import { finishPage } from "./declare-incident.js";
import { confirmIncident, mayDeclare, proposeIncident } from "./propose-incident.js";
import { openScope, type EventScope } from "./event-scope.js";
import { followLifecycle } from "./follow-lifecycle.js";

type IssuesContext = Context<
  "issues.opened" | "issues.labeled" | "issues.unlabeled" | "issues.closed" | "issues.reopened"
>;

/** `issues.*`: declaring incidents and keeping their status and severity labels consistent. */
export async function onIssueEvent(context: IssuesContext, deps: AppDeps): Promise<void> {
  const { payload } = context;
  const scope = await openScope(context, deps);
  const { names } = scope;
  const number = payload.issue.number;
  const labels = (payload.issue.labels ?? []).flatMap((l) => (l ? [l.name] : []));
  const isIncident = labels.includes(names.incident);
  const sender = payload.sender.login;

  const times = { createdAt: payload.issue.created_at, updatedAt: payload.issue.updated_at };
  const author = {
    login: payload.issue.user?.login ?? "",
    association: payload.issue.author_association,
  };
  if (payload.action === "opened") {
    // An issue opened with the incident label is declared by the `labeled` event GitHub
    // sends right after; declaring here too would race it. A form whose label does not
    // exist in the repository (GitHub then drops it) only ever sends `opened`.
    if (!isIncident && isIncidentForm(payload.issue.body))
      await declareOrPropose(scope, number, sender, author, "form", times);
    return;
  }
  const label = "label" in payload ? payload.label?.name : undefined;
  if (payload.action === "labeled" && label === names.incident) {
    await declareOrPropose(scope, number, sender, author, "label", times);
    return;
  }
  if (!isIncident) {
    if (
      payload.action === "labeled" &&
      label &&
      (names.isStatusLabel(label) || names.isSeverityLabel(label))
    )
      await hintNotAnIncident(scope, number, label);
    return;
  }
  const change: IssueChange | undefined =
    payload.action === "closed" || payload.action === "reopened"
      ? { kind: payload.action }
      : label
        ? { kind: payload.action, label }
        : undefined;
  if (change) await followLifecycle(scope, number, change, sender);
}

/** Declares the incident when the person may (`permissions.declare`); otherwise it becomes a proposal. */
async function declareOrPropose(
  scope: EventScope,
  number: number,
  sender: string,
  author: { login: string; association?: string },
  how: "label" | "form",
  { createdAt, updatedAt }: { createdAt?: string; updatedAt?: string },
): Promise<void> {
  const loaded = await scope.incident(number);
  // Declared already (a redelivery, or the card was written before): only a page GitHub
  // failed after the card is still owed.
  if (loaded.state) return finishPage(scope, loaded);
  // GitHub's time of the change: the issue's last update is the label's (or the form's creation).
  const at = how === "label" ? updatedAt : createdAt;
  if (await mayDeclare(scope, sender, author, how)) return confirmIncident(scope, number, sender, at);
  await proposeIncident(scope, number, author.login || sender);
}

async function hintNotAnIncident(scope: EventScope, number: number, label: string): Promise<void> {
  await scope.apply([
    {
      kind: "createComment",
      issue: number,
      key: `not-an-incident-${number}`,
      body: `This issue is not an incident, so Firewatch does nothing with \`${label}\`. Add the \`${scope.names.incident}\` label to declare one.`,
    },
  ]);
}
