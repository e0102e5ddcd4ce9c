import type { Permission } from "../../../config/schema.js";
import { ok, type CommandSpec } from "../command-spec.js";

export type PostmortemArgs = Record<string, never>;

/** `/postmortem`: anything after it is ignored. */
export function postmortemCommand(permission: Permission): CommandSpec<PostmortemArgs> {
  return {
    name: "postmortem",
    usage: "/postmortem",
    summary:
      "Open the postmortem pull request, or regenerate it (a file someone edited is left alone).",
    permission,
    parse: () => ok({}),
  };
}
