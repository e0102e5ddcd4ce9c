export { postmortemCommand } from "./postmortem-command.js";
export { maybeOpenPostmortem } from "./maybe-open-postmortem.js";
export { onPostmortemMerged } from "./on-postmortem-merged.js";
export { generatePostmortem, type GenerateOutcome } from "./generate-postmortem.js";
