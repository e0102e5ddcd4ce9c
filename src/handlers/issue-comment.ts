import type { Context } from "probot";
import type { AppDeps } from "../app/deps.js";
import { checkCommand, type CheckedCommand } from "../commands/parse/check-command.js";
import { commandRegistry } from "../commands/parse/command-registry.js";
import { parseCommands } from "../commands/parse/parse-commands.js";
import { renderHelp } from "../commands/parse/render-help.js";
import { getPermission } from "../github/get-permission.js";
import { isOperation, runOperation } from "./command-operations.js";
import { openScope, type EventScope } from "./event-scope.js";
import { declareIncident } from "./declare-incident.js";
import { confirmIncident } from "./propose-incident.js";
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
  const role = await getPermission(
    scope.octokit,
    scope.repo,
    sender.login,
    comment.author_association,
  );
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

  let isIncident = issue.labels?.some((l) => l?.name === scope.names.incident) ?? false;
  if (checked.some((c) => c.name === "declare")) {
    // `/declare` needs `permissions.declare` (checked above) and works on any issue.
    if (isIncident) replies.push("This issue is already an incident.");
    else await confirmIncident(scope, issue.number, sender.login, comment.created_at);
    isIncident = true;
  }
  const anywhere = (c: CheckedCommand) =>
    c.name === "help" || c.name === "metrics" || c.name === "declare";
  const forIncident = checked.filter((c) => !anywhere(c));
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

/** Comment ids remembered per incident to recognise a redelivered comment. */
const HANDLED_LIMIT = 200;

/**
 * Runs a comment's incident commands in the order they were written: consecutive commands
 * that only decide run together; runbook, analysis and report commands one by one; each
 * starts from the state the ones before it left. Then the comment is recorded as handled.
 */
async function runIncidentCommands(
  scope: EventScope,
  number: number,
  commands: CheckedCommand[],
  origin: { actor: string; at: string; commentId: number; commentUrl: string },
): Promise<{ ok: boolean; replies: string[] } | "already handled"> {
  const loaded = await scope.incident(number);
  if (loaded.state?.handled.includes(origin.commentId)) return "already handled";
  if (!loaded.state) await declareIncident(scope, number, origin.actor);
  const result = { ok: true, replies: [] as string[] };
  for (const run of inRuns(commands)) {
    const outcome = isOperation(run[0]!)
      ? await runOperation(scope, number, run[0]!, origin.actor, origin.at)
      : await executeIncidentCommands(scope, await scope.incident(number), run, origin);
    result.ok &&= outcome.ok;
    if ("reply" in outcome && outcome.reply) result.replies.push(outcome.reply);
    if ("replies" in outcome) result.replies.push(...outcome.replies);
  }
  const after = await scope.incident(number);
  if (after.state)
    scope.recordState(number, {
      ...after.state,
      handled: [...after.state.handled, origin.commentId].slice(-HANDLED_LIMIT),
    });
  // The app's own label changes are events it ignores, so the runbooks that /severity or
  // /services make match are started here; any command also ticks running runbooks (timeouts).
  const retrigger = commands.some((c) => c.name === "severity" || c.name === "services");
  await startMatchingRunbooks(scope, number, origin.actor, { start: retrigger });
  // The app closes the issue itself on /resolve, and ignores its own `closed` event.
  if (
    commands.some(
      (c) => c.name === "resolve" || (c.name === "status" && c.args.status === "resolved"),
    )
  )
    await maybeOpenPostmortem(scope, number);
  return result;
}

/** Splits commands, in order, into runs: each operation alone, consecutive decisions together. */
function inRuns(commands: readonly CheckedCommand[]): CheckedCommand[][] {
  const runs: CheckedCommand[][] = [];
  for (const command of commands) {
    const last = runs.at(-1);
    if (last && !isOperation(command) && !isOperation(last[0]!)) last.push(command);
    else runs.push([command]);
  }
  return runs;
}
