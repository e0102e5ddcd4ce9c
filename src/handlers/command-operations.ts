import type { CheckedCommand } from "../commands/parse/check-command.js";
import type { CommandArgs, CommandName } from "../commands/parse/command-registry.js";
import type { EventScope } from "./event-scope.js";
import {
  causeCommand,
  factorCommand,
  faultTreeCommand,
  lessonCommand,
  rootCauseCommand,
  triggerCommand,
  whyCommand,
} from "./rca/index.js";
import { recoveryCommand } from "./recovery/recovery-command.js";
import { postmortemCommand } from "./reports/index.js";
import { runApproveCommand, runRunbookCommand, runStepCommand } from "./runbooks/index.js";

export interface OperationReply {
  ok: boolean;
  reply?: string;
}

/** A command that loads, decides and applies on its own (runbooks, root-cause analysis, reports). */
type Operation<A> = (
  scope: EventScope,
  issue: number,
  args: A,
  actor: string,
  at: string,
) => Promise<OperationReply>;

const OPERATIONS: { [K in CommandName]?: Operation<CommandArgs[K]> } = {
  runbook: (scope, issue, args, actor) => runRunbookCommand(scope, issue, args, actor),
  recovery: (scope, issue, args, actor) => recoveryCommand(scope, issue, args, actor),
  step: (scope, issue, args, actor, at) => runStepCommand(scope, issue, args, actor, at),
  approve: (scope, issue, args, actor, at) => runApproveCommand(scope, issue, args, actor, at),
  why: whyCommand,
  cause: causeCommand,
  factor: factorCommand,
  "root-cause": rootCauseCommand,
  trigger: triggerCommand,
  lesson: lessonCommand,
  "fault-tree": faultTreeCommand,
  postmortem: postmortemCommand,
};

export function isOperation(command: CheckedCommand): boolean {
  return OPERATIONS[command.name] !== undefined;
}

/** Runs one operation command; they run after the comment's incident commands, each reading the card afresh. */
export function runOperation(
  scope: EventScope,
  issue: number,
  command: CheckedCommand,
  actor: string,
  at: string,
): Promise<OperationReply> {
  const operation = OPERATIONS[command.name] as Operation<unknown>;
  return operation(scope, issue, command.args, actor, at);
}
