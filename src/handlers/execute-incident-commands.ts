import type { CheckedCommand } from "../commands/parse/check-command.js";
import type { CommandInput, IncidentView } from "../commands/run/command-input.js";
import { INCIDENT_DECISIONS, loginsToCheck } from "../commands/run/decisions.js";
import { projectEffects } from "../commands/run/project-effects.js";
import type { Effect } from "../effects/effect.js";
import type { LoadedIncident } from "../github/load-incident.js";
import type { IncidentState } from "../incident/incident-state.js";
import { checkAssignable } from "./check-assignable.js";
import { declareIncident } from "./declare-incident.js";
import type { EventScope } from "./event-scope.js";

export interface CommentOrigin {
  actor: string;
  at: string;
  commentId: number;
  commentUrl: string;
}

/**
 * Runs a run of consecutive incident commands of one comment in order, each deciding from
 * what the ones before it did, then applies all their effects at once and records the state.
 */
export async function executeIncidentCommands(
  scope: EventScope,
  loaded: LoadedIncident,
  commands: readonly CheckedCommand[],
  origin: CommentOrigin,
): Promise<{ ok: boolean; replies: string[] }> {
  const state0 = loaded.state ?? (await declareIncident(scope, loaded.issue.number, origin.actor));
  let view: IncidentView = { issue: loaded.issue, history: loaded.history, state: state0 };
  const logins = commands.flatMap((c) => loginsToCheck(c.name, c.args, origin.actor));
  const assignable =
    logins.length > 0
      ? await checkAssignable(scope.octokit, scope.repo, logins)
      : new Set<string>();

  const effects: Effect[] = [];
  const replies: string[] = [];
  const created: { key: string; record(state: IncidentState, number: number): IncidentState }[] =
    [];
  let ok = true;
  for (const command of commands) {
    const decide = INCIDENT_DECISIONS[command.name] as
      | ((
          input: CommandInput<unknown>,
        ) => ReturnType<NonNullable<(typeof INCIDENT_DECISIONS)["ack"]>>)
      | undefined;
    if (!decide) continue;
    const outcome = decide({
      ...origin,
      incident: view,
      args: command.args,
      line: command.line,
      config: scope.config,
      names: scope.names,
      assignable,
    });
    ok &&= outcome.ok;
    if (outcome.reply) replies.push(outcome.reply);
    if (outcome.created) created.push(outcome.created);
    effects.push(...outcome.effects);
    const before = view.history.current;
    view = projectEffects({ ...view, state: outcome.state }, outcome.effects, scope.names);
    const moved = view.history.current;
    if (moved && moved !== before) {
      const credit = { status: moved, by: origin.actor, at: origin.at };
      view = {
        ...view,
        state: { ...view.state, statusCredits: [...view.state.statusCredits, credit].slice(-100) },
      };
    }
  }

  const result = await scope.apply(effects);
  let state: IncidentState = view.state;
  for (const c of created) {
    const number = result.createdIssues.get(c.key);
    if (number !== undefined) {
      state = c.record(state, number);
      replies.push(`Opened follow-up #${number}.`);
    }
  }
  scope.recordState(loaded.issue.number, state);
  return { ok, replies };
}
