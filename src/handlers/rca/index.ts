export {
  whyCommand,
  causeCommand,
  factorCommand,
  rootCauseCommand,
  triggerCommand,
  lessonCommand,
} from "./rca-commands.js";
export { faultTreeCommand } from "./fault-tree-command.js";
export type { OperationResult } from "./update-rca.js";
