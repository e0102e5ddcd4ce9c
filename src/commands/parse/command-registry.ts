import { PERMISSION_LEVELS, type Config, type Permission } from "../../config/schema.js";
import { ackCommand, type AckArgs } from "./args/ack.js";
import { declareCommand, type DeclareArgs } from "./args/declare.js";
import { actionCommand, type ActionArgs } from "./args/action.js";
import { helpCommand, type HelpArgs } from "./args/help.js";
import { metricsCommand, type MetricsArgs } from "./args/metrics.js";
import { commanderCommand, roleCommand, type RoleArgs } from "./args/role.js";
import { servicesCommand, type ServicesArgs } from "./args/services.js";
import { severityCommand, type SeverityArgs } from "./args/severity.js";
import { statusCommand, type StatusArgs } from "./args/status.js";
import { noteCommand, resolveCommand, updateCommand, type TextArgs } from "./args/text-command.js";
import { approveCommand, type ApproveArgs } from "./args/approve.js";
import { faultTreeCommand, type FaultTreeArgs } from "./args/fault-tree.js";
import { postmortemCommand, type PostmortemArgs } from "./args/postmortem.js";
import {
  causeCommand,
  factorCommand,
  lessonCommand,
  rootCauseCommand,
  triggerCommand,
  whyCommand,
  type CauseArgs,
  type LessonArgs,
  type RcaTextArgs,
} from "./args/rca.js";
import { recoveryCommand, type RecoveryArgs } from "./args/recovery.js";
import { runbookCommand, type RunbookArgs } from "./args/runbook.js";
import { stepCommand, type StepArgs } from "./args/step.js";
import type { CommandSpec } from "./command-spec.js";

/** Each command's checked arguments, by name. */
export interface CommandArgs {
  declare: DeclareArgs;
  ack: AckArgs;
  status: StatusArgs;
  severity: SeverityArgs;
  commander: RoleArgs;
  role: RoleArgs;
  services: ServicesArgs;
  note: TextArgs;
  update: TextArgs;
  action: ActionArgs;
  resolve: TextArgs;
  metrics: MetricsArgs;
  runbook: RunbookArgs;
  recovery: RecoveryArgs;
  step: StepArgs;
  approve: ApproveArgs;
  why: WhyArgs;
  cause: CauseArgs;
  factor: RcaTextArgs;
  "root-cause": RcaTextArgs;
  trigger: RcaTextArgs;
  lesson: LessonArgs;
  "fault-tree": FaultTreeArgs;
  postmortem: PostmortemArgs;
  help: HelpArgs;
}

type WhyArgs = RcaTextArgs;
export type CommandName = keyof CommandArgs;

export type CommandRegistry = { [K in CommandName]?: CommandSpec<CommandArgs[K]> };

/**
 * The commands this repository's config allows, in `/help` order. Every command needs the
 * configured `permissions.commands` role; `/commander` exists only while `commander` is a
 * configured role.
 */
export function commandRegistry(config: Config): CommandRegistry {
  const p = config.permissions.commands;
  const registry: CommandRegistry = {
    // A command (permissions.commands) that declares (permissions.declare): the higher of the two.
    declare: declareCommand(higher(p, config.permissions.declare)),
    ack: ackCommand(p),
    status: statusCommand(p),
    severity: severityCommand(p),
    commander: config.roles.includes("commander") ? commanderCommand(p) : undefined,
    role: roleCommand(p, config.roles),
    services: servicesCommand(p, Object.keys(config.services)),
    note: noteCommand(p),
    update: updateCommand(p),
    action: actionCommand(p),
    resolve: resolveCommand(p),
    metrics: metricsCommand(p),
    runbook: runbookCommand(p),
    recovery: recoveryCommand(p),
    step: stepCommand(p),
    approve: approveCommand(config.permissions.approve),
    why: whyCommand(p),
    cause: causeCommand(p, config.rca.categories),
    factor: factorCommand(p),
    "root-cause": rootCauseCommand(p),
    trigger: triggerCommand(p),
    lesson: lessonCommand(p),
    "fault-tree": faultTreeCommand(p),
    postmortem: postmortemCommand(p),
    // Anyone who can read the repository may ask what they could do.
    help: helpCommand("read", () => commandNames(registry)),
  };
  if (!registry.commander) delete registry.commander;
  return registry;
}

function higher(a: Permission, b: Permission): Permission {
  return PERMISSION_LEVELS.indexOf(a) >= PERMISSION_LEVELS.indexOf(b) ? a : b;
}

export function commandNames(registry: CommandRegistry): CommandName[] {
  return (Object.keys(registry) as CommandName[]).filter((name) => registry[name] !== undefined);
}

export function commandSpecs(registry: CommandRegistry): CommandSpec[] {
  return commandNames(registry).map((name) => registry[name] as CommandSpec);
}
