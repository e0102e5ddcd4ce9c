import type { Config } from "../config/schema.js";
import type { Effect } from "../effects/effect.js";
import type { IssueEvent } from "./status-history.js";

/** What is said when an incident becomes critical: the configured contacts are brought in. */
export function escalationMessage(config: Config): string {
  const contacts = config.escalation.critical.map((c) => (c.startsWith("@") ? c : `@${c}`));
  return contacts.length > 0
    ? `🚨 Escalated to **critical**: ${contacts.join(" ")} please join.`
    : "🚨 Escalated to **critical**. No escalation contacts are configured (`escalation.critical` in `.github/firewatch.yml`).";
}

/** What every escalation comment's key starts with, whatever its cause. */
export const ESCALATION_KEY_PREFIX = "escalation-";

/** The escalation as a comment posted once per `key` (its cause). */
export function escalationEffect(config: Config, issue: number, key: string): Effect {
  return { kind: "createComment", issue, key, body: escalationMessage(config) };
}

/**
 * The escalation's key when a severity label made the incident critical: the label's
 * latest `labeled` event. The declaration and the label's own webhook (e.g. an issue
 * opened with `incident` and `severity:critical`) share it, so they escalate once.
 */
export function labelEscalationKey(
  issue: number,
  events: readonly IssueEvent[],
  label: string,
): string | undefined {
  const added = events.filter((e) => e.event === "labeled" && e.label?.name === label).at(-1);
  return added?.id === undefined ? undefined : `escalation-${issue}-labeled-${added.id}`;
}
