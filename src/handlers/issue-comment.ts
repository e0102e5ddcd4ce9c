import type { Context } from "probot";
import type { AppDeps } from "../app/deps.js";
import { parseCommands } from "../commands/parse/parse-commands.js";
import { commandRegistry } from "../commands/parse/command-registry.js";
import { checkCommand, type CheckedCommand } from "../commands/parse/check-command.js";
import { renderHelp } from "../commands/parse/render-help.js";
import { getPermission } from "../github/get-permission.js";
import { loadIncident } from "../github/load-incident.js";
import { openScope } from "./event-scope.js";
import { executeIncidentCommands } from "./execute-incident-commands.js";
import { runMetricsCommand } from "./run-metrics-command.js";

/**
 * `issue_comment.created`: slash commands. Bots are ignored, edits are not re-run, and a
 * comment without commands costs no request at all. The commenter's repository role is
 * checked before anything happens; each command is acknowledged with a reaction, and a
 * reply is posted only when there is something to say.
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
  const role = await getPermission(scope.octokit, scope.repo, sender.login);
  const registry = commandRegistry(scope.config);
  const replies: string[] = parsed.problems.map((p) => `Line ${p.line}: ${p.message}`);
  let failed = parsed.problems.some((p) => p.kind !== "skipped");

  const checked: CheckedCommand[] = [];
  for (const command of parsed.commands) {
    const result = checkCommand(registry, command, role === "none" ? undefined : role);
    if (result.ok) checked.push(result);
    else {
      failed = true;
      if (!replies.includes(result.error)) replies.push(result.error);
    }
  }

  const isIncident = issue.labels?.some((l) => l?.name === scope.names.incident) ?? false;
  const incidentCommands = checked.filter((c) => c.name !== "help" && c.name !== "metrics");
  if (incidentCommands.length > 0 && !isIncident) {
    failed = true;
    replies.push(
      `This issue is not an incident, so ${incidentCommands.map((c) => `\`/${c.name}\``).join(", ")} did nothing. Add the \`${scope.names.incident}\` label to declare one.`,
    );
  } else if (incidentCommands.length > 0) {
    const loaded = await loadIncident(scope.octokit, scope.repo, issue.number, scope.names);
    if (loaded.state?.handled.includes(comment.id)) return;
    const outcome = await executeIncidentCommands(scope, loaded, incidentCommands, {
      actor: sender.login,
      at: comment.created_at,
      commentId: comment.id,
      commentUrl: comment.html_url,
    });
    failed ||= !outcome.ok;
    replies.push(...outcome.replies);
  }

  for (const command of checked) {
    if (command.name === "help")
      replies.push(renderHelp(registry, role === "none" ? undefined : role));
    if (command.name === "metrics")
      replies.push(await runMetricsCommand(scope, command.args.since));
  }

  await scope.apply([
    { kind: "react", commentId: comment.id, content: failed ? "confused" : "+1" },
  ]);
  if (replies.length > 0) {
    await scope.apply([
      {
        kind: "createComment",
        issue: issue.number,
        key: `reply-${comment.id}`,
        body: `@${sender.login}\n\n${replies.join("\n\n")}`,
      },
    ]);
  }
}
