import type { Permission } from "../../../config/schema.js";
import { ok, type CommandSpec } from "../command-spec.js";

export type DeclareArgs = Record<string, never>;

/** `/declare`: makes the issue an incident (confirms a proposal); anything after it is ignored. */
export function declareCommand(permission: Permission): CommandSpec<DeclareArgs> {
  return {
    name: "declare",
    usage: "/declare",
    summary: "Declare this issue an incident (confirms a proposed one).",
    permission,
    parse: () => ok({}),
  };
}
