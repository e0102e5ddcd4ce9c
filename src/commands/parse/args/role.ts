import type { Permission } from "../../../config/schema.js";
import { inlineCode } from "../../../markdown/index.js";
import { ok, usageError, type ArgsResult, type CommandSpec } from "../command-spec.js";
import { listOf } from "./list-of.js";
import { parseLogin } from "./login.js";

export interface RoleArgs {
  role: string;
  login: string;
}

function readLogin(
  usage: string,
  text: string | undefined,
  extra: readonly string[],
): ArgsResult<string> {
  if (!text) return usageError(usage, "Say who, as `@login`.");
  const login = parseLogin(text);
  if (!login) return usageError(usage, `${inlineCode(text)} is not a GitHub login.`);
  if (extra.length > 0)
    return usageError(usage, `Name one person; ${inlineCode(extra.join(" "))} was not expected.`);
  return ok(login);
}

/** `/role scribe @octocat`, for any role the config lists. */
export function roleCommand(
  permission: Permission,
  roles: readonly string[],
): CommandSpec<RoleArgs> {
  const usage = "/role <role> @user";
  return {
    name: "role",
    usage,
    summary: `Give someone an incident role (${roles.join(", ")}).`,
    permission,
    parse(args) {
      const role = args[0]?.toLowerCase();
      if (!role) return usageError(usage, `Say which role, one of ${listOf(roles)}.`);
      if (!roles.includes(role))
        return usageError(
          usage,
          `${inlineCode(args[0]!)} is not a role here; use one of ${listOf(roles)}.`,
        );
      const login = readLogin(usage, args[1], args.slice(2));
      return login.ok ? ok({ role, login: login.value }) : login;
    },
  };
}

/** `/commander @octocat`: shorthand for `/role commander @octocat`. */
export function commanderCommand(permission: Permission): CommandSpec<RoleArgs> {
  const usage = "/commander @user";
  return {
    name: "commander",
    usage,
    summary: "Make someone the incident commander.",
    permission,
    parse(args) {
      const login = readLogin(usage, args[0], args.slice(1));
      return login.ok ? ok({ role: "commander", login: login.value }) : login;
    },
  };
}
