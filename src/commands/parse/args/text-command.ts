import type { Permission } from "../../../config/schema.js";
import { ok, usageError, type CommandSpec } from "../command-spec.js";
import { MAX_TEXT_LENGTH, textAfter } from "./free-text.js";

export interface TextArgs {
  text: string;
}

/** A command whose one argument is free text: `/note`, `/update`, `/resolve`. */
function textCommand(
  name: string,
  placeholder: string,
  summary: string,
  permission: Permission,
): CommandSpec<TextArgs> {
  const usage = `/${name} <${placeholder}>`;
  return {
    name,
    usage,
    summary,
    permission,
    parse(_args, rest) {
      const text = textAfter(rest, 0);
      if (!text) return usageError(usage, `Write the ${placeholder} after \`/${name}\`.`);
      if (text.length > MAX_TEXT_LENGTH)
        return usageError(
          usage,
          `The ${placeholder} is longer than ${MAX_TEXT_LENGTH} characters.`,
        );
      return ok({ text });
    },
  };
}

export const noteCommand = (permission: Permission) =>
  textCommand("note", "text", "Add a note to the incident timeline.", permission);

export const updateCommand = (permission: Permission) =>
  textCommand(
    "update",
    "text",
    "Post a stakeholder status update (shown in the card as the last update).",
    permission,
  );

export const resolveCommand = (permission: Permission) =>
  textCommand(
    "resolve",
    "resolution",
    "Record the resolution, move to resolved and close the issue.",
    permission,
  );
