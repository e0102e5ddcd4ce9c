import type { Effect } from "../../effects/effect.js";
import type { RoleArgs } from "../parse/args/role.js";
import type { CommandDecision } from "./command-input.js";
import { unchanged } from "./command-input.js";

/** `/commander @user`, `/role <role> @user`: the role is recorded; the commander is also assigned. */
export const role: CommandDecision<RoleArgs> = (input) => {
  const { args, incident } = input;
  if (!input.assignable.has(args.login))
    return unchanged(
      input,
      `\`${args.login}\` cannot take a role here: they are not a GitHub user who can be assigned in this repository.`,
      false,
    );
  if (incident.state.roles[args.role] === args.login) return unchanged(input);
  const effects: Effect[] = [];
  if (args.role === "commander" && !incident.issue.assignees.includes(args.login))
    effects.push({ kind: "assign", issue: incident.issue.number, logins: [args.login] });
  return {
    ok: true,
    state: { ...incident.state, roles: { ...incident.state.roles, [args.role]: args.login } },
    effects,
  };
};
