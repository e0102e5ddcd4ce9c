import type { IncidentState } from "../../incident/incident-state.js";
import { hasMarker } from "../../markdown/hidden-block.js";
import { deliverMessage } from "../../notify/deliver/deliver-message.js";
import { notifyDeps } from "../../notify/deliver/notify-deps.js";
import { reminderMessage } from "../../notify/reminder-message.js";
import type { ExecutionState } from "../../runbooks/engine/execution-state.js";
import { dueReminders, type Reminder } from "../../runbooks/recovery/due-reminders.js";
import type { EventScope } from "../event-scope.js";
import { loadRunbookFile } from "../runbooks/runbook-files.js";

/** The incident role reminded when an update is due. */
export const COMMUNICATIONS_ROLE = "communications";

/**
 * Part of every tick of an open incident: for each running recovery plan, reminds the
 * communications role of every audience whose update cadence has passed without a
 * `/update`. Costs one read of the plan (at its version) per running recovery plan; each
 * reminder is posted once per missed period (its key), however many events arrive.
 *
 * A cadence whose `channel` names a notification channel (`notifications.channels`) also
 * sends the reminder there, before the reminder comment is posted (which records how that
 * went); and the incident remembers those channels, so its `/update`s go there too while the
 * plan runs.
 */
export async function remindCommunications(
  scope: EventScope,
  issue: number,
  state: IncidentState,
  executions: readonly ExecutionState[],
): Promise<void> {
  const channels = scope.config.notifications.channels;
  const planChannels = new Set<string>();
  for (const execution of executions.filter(
    (e) => e.kind === "recovery" && e.status === "running",
  )) {
    const file = await loadRunbookFile(scope, execution.file, execution.sha);
    if (!file.runbook?.communication?.length) continue;
    for (const cadence of file.runbook.communication)
      if (cadence.channel && channels[cadence.channel]) planChannels.add(cadence.channel);
    const reminders = dueReminders({
      plan: file.runbook,
      execution,
      updates: state.updates,
      communications: state.roles[COMMUNICATIONS_ROLE],
      role: COMMUNICATIONS_ROLE,
      roleConfigured: scope.config.roles.includes(COMMUNICATIONS_ROLE),
      now: scope.deps.now(),
    });
    for (const reminder of reminders) {
      // A reminder that cannot be sent to chat is still posted on the incident.
      const body = await announceReminder(scope, issue, file.runbook.name, reminder).catch((error: unknown) => {
        scope.log.error({ err: error, delivery: scope.deliveryId, issue }, "a reminder notification failed");
        return reminder.body;
      });
      await scope.apply([{ kind: "createComment", issue, key: reminder.key, body }]);
    }
  }
  await rememberPlanChannels(scope, issue, [...planChannels].sort());
}

/** Sends a new reminder to the channel its cadence names, if it names one; returns the comment body with how that went. */
async function announceReminder(
  scope: EventScope,
  issue: number,
  plan: string,
  reminder: Reminder,
): Promise<string> {
  const channel = reminder.channel;
  const config = channel ? scope.config.notifications.channels[channel] : undefined;
  if (!channel || !config) return reminder.body;
  const comments = await scope.reads.issueComments(issue);
  // Posted already (a redelivery, another event in the same period): sent already too.
  if (comments.some((c) => c.byApp && hasMarker(c.body, reminder.key))) return reminder.body;
  const loaded = await scope.incident(issue);
  const severity =
    loaded.issue.labels.map(scope.names.parseSeverity).find((s) => s !== undefined) ??
    scope.config.default_severity;
  const message = reminderMessage(
    {
      repository: `${scope.repo.owner}/${scope.repo.repo}`,
      number: issue,
      title: loaded.issue.title,
      url: loaded.issue.url,
      severity,
      status: loaded.history.current ?? "detected",
      services: loaded.state?.services ?? [],
      commander: loaded.state?.roles.commander,
      at: scope.deps.now().toISOString(),
    },
    { key: reminder.key, plan, audience: reminder.audience, every: reminder.every },
  );
  const delivery = await deliverMessage(notifyDeps(scope.deps), channel, config, message);
  const outcome =
    delivery.outcome === "sent"
      ? "✅ sent"
      : `❌ failed: ${delivery.reason ?? `HTTP ${delivery.status ?? "?"}`}`;
  return `${reminder.body}\n\n<sub>Also sent to \`${channel}\` (${config.kind}): ${outcome}.</sub>`;
}

/** Records which notification channels the running plans name, when that changed. */
async function rememberPlanChannels(scope: EventScope, issue: number, names: string[]): Promise<void> {
  const loaded = await scope.incident(issue);
  if (!loaded.state) return;
  const known = loaded.state.planChannels ?? [];
  if (known.join(",") === names.join(",")) return;
  scope.recordState(issue, { ...loaded.state, planChannels: names });
}
