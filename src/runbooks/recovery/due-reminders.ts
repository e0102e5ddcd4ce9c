import { formatDuration } from "../../time/duration.js";
import { formatTime } from "../../time/format-time.js";
import { safeText } from "../../markdown/safe-text.js";
import { parseDuration } from "../../time/duration.js";
import type { ExecutionState } from "../engine/execution-state.js";
import type { Runbook } from "../schema.js";

export interface CadenceInput {
  plan: Runbook;
  execution: ExecutionState;
  /** The incident's `/update`s (their times). */
  updates: readonly { at: string }[];
  /** The login holding the communications role, if anyone does. */
  communications: string | undefined;
  /** The role's name (`communications`). */
  role: string;
  /** Whether the config's `roles` has it, so `/role <role> @you` would be accepted. */
  roleConfigured?: boolean;
  now: Date;
}

/** A reminder to post on the incident once per `key`. */
export interface Reminder {
  key: string;
  body: string;
  /** The cadence it is for: its audience, period and `channel` as the plan wrote them. */
  audience: string;
  every: string;
  channel?: string;
}

/**
 * The update reminders due now for one running recovery plan: for each audience whose
 * `every` has passed since the later of the plan's start and the last `/update`, one
 * reminder per missed period. The key names the execution, the audience, the period's start
 * and how many periods were missed, so asking again within the same period (another event,
 * a redelivery) yields the same key and nothing new is posted.
 */
export function dueReminders(input: CadenceInput): Reminder[] {
  const { plan, execution, now } = input;
  if (execution.status !== "running" || !execution.startedAt) return [];
  const started = Date.parse(execution.startedAt);
  const lastUpdate = input.updates.map((u) => Date.parse(u.at)).filter((t) => t >= started).reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  const since = Math.max(started, lastUpdate);
  const reminders: Reminder[] = [];
  (plan.communication ?? []).forEach((cadence, index) => {
    const every = parseDuration(cadence.every);
    if (every === undefined) return;
    const missed = Math.floor((now.getTime() - since) / every);
    if (missed < 1) return;
    const audience = `**${safeText(cadence.audience)}**${cadence.channel ? ` (${safeText(cadence.channel)})` : ""}`;
    const last = lastUpdate >= started ? `the last \`/update\` was at ${formatTime(new Date(lastUpdate).toISOString())}` : `there has been no \`/update\` since the plan started at ${formatTime(execution.startedAt)}`;
    const who = input.communications
      ? `@${input.communications} (${input.role}), please post one with \`/update <what changed and what comes next>\`.`
      : input.roleConfigured === false
        ? `Nobody holds the ${input.role} role, and \`.github/firewatch.yml\` has no such role (add it to \`roles\`); meanwhile, anyone can post \`/update <what changed and what comes next>\`.`
        : `Nobody holds the ${input.role} role: take it with \`/role ${input.role} @you\`, then post \`/update <what changed and what comes next>\`.`;
    reminders.push({
      audience: cadence.audience,
      every: cadence.every,
      ...(cadence.channel ? { channel: cadence.channel } : {}),
      key: `recovery-cadence:${execution.executionId}:${index}:${since}:${missed}`,
      body: `⏰ **Update due.** Recovery plan \`${plan.name}\` promises ${audience} an update every ${cadence.every}; ${last} (${formatDuration(now.getTime() - since)} ago). ${who}`,
    });
  });
  return reminders;
}
