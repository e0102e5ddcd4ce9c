import type { Effect } from "../../effects/effect.js";
import type { RunbookEffect } from "../runbook-effect.js";

/** The runbook effects the app carries out by itself; the others reach outside GitHub's issue. */
export type IssueRunbookEffect = Extract<
  RunbookEffect,
  { kind: "upsertExecutionComment" | "postComment" | "setLabels" | "assign" }
>;

/** Whether the app's applier can carry this runbook effect out as an issue effect. */
export function isIssueEffect(effect: RunbookEffect): effect is IssueRunbookEffect {
  return (
    effect.kind === "upsertExecutionComment" ||
    effect.kind === "postComment" ||
    effect.kind === "setLabels" ||
    effect.kind === "assign"
  );
}

/**
 * The app-wide effect that carries out a runbook effect on the incident's issue: the
 * execution comment is kept in place by its key, a step's comment is posted once per key.
 */
export function issueEffectOf(issue: number, effect: IssueRunbookEffect): Effect {
  switch (effect.kind) {
    case "upsertExecutionComment":
      return { kind: "upsertComment", issue, key: effect.key, body: effect.body };
    case "postComment":
      return { kind: "createComment", issue, key: effect.key, body: effect.body };
    case "setLabels":
      return { kind: "setLabels", issue, add: effect.add, remove: effect.remove };
    case "assign":
      return { kind: "assign", issue, logins: effect.logins };
  }
}
