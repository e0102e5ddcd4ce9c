import type { Permission } from "../../../config/schema.js";
import { ok, usageError, type CommandSpec } from "../command-spec.js";
import { tokenizeArguments } from "../tokenize-arguments.js";
import { parseLogin } from "./login.js";

export interface ActionArgs {
  title: string;
  owner?: string;
}

const usage = "/action <text> [@owner]";
/** GitHub's limit on an issue title. */
export const MAX_TITLE_LENGTH = 256;

/** `/action add autoscaling to the inference pool @octocat`: a trailing `@login` is the owner. */
export function actionCommand(permission: Permission): CommandSpec<ActionArgs> {
  return {
    name: "action",
    usage,
    summary: "Open a follow-up issue, linked both ways, optionally owned by someone.",
    permission,
    parse(_args, rest) {
      const tokens = tokenizeArguments(rest);
      const last = tokens.at(-1);
      const owner = last && last.value.startsWith("@") ? parseLogin(last.value) : undefined;
      const body = owner && last ? rest.slice(0, last.start) : rest;
      const bodyTokens = tokenizeArguments(body);
      const title = (bodyTokens.length === 1 ? bodyTokens[0]!.value : body)
        .trim()
        .replace(/\s+/g, " ");
      if (!title) return usageError(usage, "Say what needs doing after `/action`.");
      if (title.length > MAX_TITLE_LENGTH)
        return usageError(
          usage,
          `Keep the action under ${MAX_TITLE_LENGTH} characters; it becomes an issue title.`,
        );
      return ok(owner ? { title, owner } : { title });
    },
  };
}
