import type { Permission } from "../../../config/schema.js";
import { inlineCode } from "../../../markdown/index.js";
import { ok, usageError, type CommandSpec } from "../command-spec.js";

export interface FaultTreeArgs {
  /** File name under `.github/fault-trees/`, without `.yml`. */
  name: string;
}

const usage = "/fault-tree <name>";
/** A plain file name: no `/` or `..`, so it cannot point outside `.github/fault-trees/`. */
const NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/i;

/** `/fault-tree inference-unavailable` (a trailing `.yml` is allowed). */
export function faultTreeCommand(permission: Permission): CommandSpec<FaultTreeArgs> {
  return {
    name: "fault-tree",
    usage,
    summary:
      "Attach a fault tree from `.github/fault-trees/` (its diagram and minimal cut sets go into the postmortem).",
    permission,
    parse(args) {
      const raw = args[0];
      if (!raw) return usageError(usage, "Name the fault tree, e.g. `inference-unavailable`.");
      if (args.length > 1) return usageError(usage, "Name one fault tree.");
      const name = raw.replace(/\.ya?ml$/i, "");
      if (!NAME.test(name) || name.includes(".."))
        return usageError(usage, `${inlineCode(raw)} is not a fault tree file name.`);
      return ok({ name });
    },
  };
}
