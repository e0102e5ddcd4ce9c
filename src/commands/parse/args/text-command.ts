import type { Permission } from "../../../config/schema.js";
import { ok, usageError, type CommandSpec } from "../command-spec.js";
import { MAX_TEXT_LENGTH, textAfter } from "./free-text.js";

export interface TextArgs {
  text: string;
}

export interface TextCommandOptions {
  /** Longest text accepted (default: a note's). */
  maxLength?: number;
  /** Folds line breaks and runs of spaces into one space (one-line analysis entries). */
  oneLine?: boolean;
}

/** A command whose one argument is free text: `/note`, `/update`, `/resolve`, `/why`, `/factor`, … */
export function textCommand(
  name: string,
  placeholder: string,
  summary: string,
  permission: Permission,
  options: TextCommandOptions = {},
): CommandSpec<TextArgs> {
  const usage = `/${name} <${placeholder}>`;
  const maxLength = options.maxLength ?? MAX_TEXT_LENGTH;
  return {
    name,
    usage,
    summary,
    permission,
    parse(_args, rest) {
      const raw = textAfter(rest, 0);
      const text = options.oneLine ? raw.replace(/\s+/g, " ").trim() : raw;
      if (!text) return usageError(usage, `Write the ${placeholder} after \`/${name}\`.`);
      if (text.length > maxLength)
        return usageError(usage, `The ${placeholder} is longer than ${maxLength} characters.`);
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
