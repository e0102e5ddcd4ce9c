import type { Context } from "probot";
import type { AppDeps } from "../app/deps.js";
import { checkCommand, type CheckedCommand } from "../commands/parse/check-command.js";
import { commandRegistry } from "../commands/parse/command-registry.js";
import { parseCommands } from "../commands/parse/parse-commands.js";
import { renderHelp } from "../commands/parse/render-help.js";
import { getPermission } from "../github/get-permission.js";
import { isOperation, runOperation } from "./command-operations.js";
import { openScope, type EventScope } from "./event-scope.js";
import { executeIncidentCommands } from "./execute-incident-commands.js";
import { maybeOpenPostmortem } from "./reports/index.js";
import { runMetricsCommand } from "./run-metrics-command.js";
import { startMatchingRunbooks } from "./runbooks/index.js";

/**
 * `issue_comment.created`: slash commands. Bots are ignored, edits are not re-run, and a
 * comment without commands costs no request at all. The commenter's repository role is
 * checked before anything happens; the comment gets a reaction, and a reply is posted
 * only when there is something to say.
 */
export async function onIssueComment(
  context: Context<"issue_comment.created">,
  deps: AppDeps,
): Promise<void> {
  const { comment, issue, sender } = context.payload;
  if (sender.type === "Bot" || issue.pull_request) return;
  const parsed = parseCommands(comment.body ?? "");
  if (parsed.commands.length === 0) return;

  const scope = await openScope(context, deps);
  const permission = await getPermission(
    scope.octokit,
    scope.repo,
    sender.login,
    comment.author_association,
  );
  const role = permission === "none" ? undefined : permission;
  const registry = commandRegistry(scope.config);
  const replies: string[] = parsed.problems.map((p) => `Line ${p.line}: ${p.message}`);
  let ok = !parsed.problems.some((p) => p.kind !== "skipped");

  const checked: CheckedCommand[] = [];
  for (const command of parsed.commands) {
    const result = checkCommand(registry, command, role);
    if (result.ok) checked.push(result);
    else {
      ok = false;
      if (!replies.includes(result.error)) replies.push(result.error);
    }
  }

  const anywhere = (c: CheckedCommand) => c.name === "help" || c.name === "metrics";
  const forIncident = checked.filter((c) => !anywhere(c));
  const isIncident = issue.labels?.some((l) => l?.name === scope.names.incident) ?? false;
  if (forIncident.length > 0 && !isIncident) {
    ok = false;
    const names = forIncident.map((c) => `\`/${c.name}\``).join(", ");
    replies.push(
      `This issue is not an incident, so ${names} did nothing. Add the \`${scope.names.incident}\` label to declare one.`,
    );
  } else if (forIncident.length > 0) {
    const outcome = await runIncidentCommands(scope, issue.number, forIncident, {
      actor: sender.login,
      at: comment.created_at,
      commentId: comment.id,
      commentUrl: comment.html_url,
    });
    if (outcome === "already handled") return;
    ok &&= outcome.ok;
    replies.push(...outcome.replies);
  }

  for (const command of checked) {
    if (command.name === "help") replies.push(renderHelp(registry, role));
    if (command.name === "metrics")
      replies.push(await runMetricsCommand(scope, command.args.since));
  }

  await scope.apply([{ kind: "react", commentId: comment.id, content: ok ? "+1" : "confused" }]);
  if (replies.length > 0) {
    const body = `@${sender.login}\n\n${replies.join("\n\n")}`;
    await scope.apply([
      { kind: "createComment", issue: issue.number, key: `reply-${comment.id}`, body },
    ]);
  }
}

async function runIncidentCommands(
  scope: EventScope,
  number: number,
  commands: CheckedCommand[],
  origin: { actor: string; at: string; commentId: number; commentUrl: string },
): Promise<{ ok: boolean; replies: string[] } | "already handled"> {
  const loaded = await scope.incident(number);
  if (loaded.state?.handled.includes(origin.commentId)) return "already handled";
  const decided = commands.filter((c) => !isOperation(c));
  // Also records the comment as handled, so a redelivery runs none of it again.
  const result = await executeIncidentCommands(scope, loaded, decided, origin);
  // Operations read and write the card themselves, after the decisions above are saved.
  for (const command of commands.filter(isOperation)) {
    const outcome = await runOperation(scope, number, command, origin.actor, origin.at);
    result.ok &&= outcome.ok;
    if (outcome.reply) result.replies.push(outcome.reply);
  }
  // The app's own label changes are events it ignores, so the runbooks that /severity or
  // /services make match are started here; any command also ticks running runbooks (timeouts).
  const retrigger = decided.some((c) => c.name === "severity" || c.name === "services");
  await startMatchingRunbooks(scope, number, origin.actor, { start: retrigger });
  // The app closes the issue itself on /resolve, and ignores its own `closed` event.
  if (
    decided.some(
      (c) => c.name === "resolve" || (c.name === "status" && c.args.status === "resolved"),
    )
  )
    await maybeOpenPostmortem(scope, number);
  return result;
}
