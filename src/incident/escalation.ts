import type { Config } from "../config/schema.js";
import type { Effect } from "../github/effects.js";

/** What is said when an incident becomes critical: the configured contacts are brought in. */
export function escalationMessage(config: Config): string {
  const contacts = config.escalation.critical.map((c) => (c.startsWith("@") ? c : `@${c}`));
  return contacts.length > 0
    ? `🚨 Escalated to **critical**: ${contacts.join(" ")} please join.`
    : "🚨 Escalated to **critical**. No escalation contacts are configured (`escalation.critical` in `.github/firewatch.yml`).";
}

/** The escalation as a comment posted once per `key` (its cause). */
export function escalationEffect(config: Config, issue: number, key: string): Effect {
  return { kind: "createComment", issue, key, body: escalationMessage(config) };
}
