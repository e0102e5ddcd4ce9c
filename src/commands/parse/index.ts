export {
  parseCommands,
  DEFAULT_MAX_COMMANDS,
  DEFAULT_MAX_LINE_LENGTH,
  type ParsedCommand,
  type ParsedComment,
  type ParseOptions,
} from "./parse-commands.js";
export type { LineProblem } from "./scan-command-lines.js";
export { tokenizeArguments, type Token } from "./tokenize-arguments.js";
export { suggest } from "./suggest-command.js";
export {
  commandRegistry,
  commandNames,
  commandSpecs,
  type CommandArgs,
  type CommandName,
  type CommandRegistry,
} from "./command-registry.js";
export type { CommandSpec, ArgsResult } from "./command-spec.js";
export { checkCommand, type CheckedCommand, type CommandRejection } from "./check-command.js";
export { renderHelp } from "./render-help.js";
export { parseLogin } from "./args/login.js";
