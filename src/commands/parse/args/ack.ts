import type { Permission } from "../../../config/schema.js";
import { ok, type CommandSpec } from "../command-spec.js";

export type AckArgs = Record<string, never>;

/** `/ack`: anything after it is ignored, so "/ack on it" still acknowledges. */
export function ackCommand(permission: Permission): CommandSpec<AckArgs> {
  return {
    name: "ack",
    usage: "/ack",
    summary:
      "Acknowledge the incident: status → investigating; you become an assignee (and commander if there is none).",
    permission,
    parse: () => ok({}),
  };
}
