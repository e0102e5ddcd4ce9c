import type { CommandArgs } from "../parse/command-registry.js";
import { ack } from "./ack.js";
import { action } from "./action.js";
import type { CommandDecision } from "./command-input.js";
import { note, update } from "./note.js";
import { resolve } from "./resolve.js";
import { role } from "./role.js";
import { services } from "./services.js";
import { severity } from "./severity.js";
import { status } from "./status.js";

/** The commands that change an incident, each a pure decision. */
export const INCIDENT_DECISIONS: { [K in keyof CommandArgs]?: CommandDecision<CommandArgs[K]> } = {
  ack,
  status,
  severity,
  commander: role,
  role,
  services,
  note,
  update,
  action,
  resolve,
};

/** Logins a command names that must be assignable for it to work. */
export function loginsToCheck(name: keyof CommandArgs, args: unknown, actor: string): string[] {
  if (name === "ack") return [actor];
  if (name === "commander" || name === "role") return [(args as { login: string }).login];
  if (name === "action") {
    const owner = (args as { owner?: string }).owner;
    return owner ? [owner] : [];
  }
  return [];
}
