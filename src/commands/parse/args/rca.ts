import { LESSON_KINDS, RCA_LIMITS, type LessonKind } from "../../../analysis/rca-state.js";
import type { Permission } from "../../../config/schema.js";
import { inlineCode } from "../../../markdown/index.js";
import { ok, usageError, type ArgsResult, type CommandSpec } from "../command-spec.js";
import { textAfter } from "./free-text.js";
import { listOf } from "./list-of.js";
import { textCommand, type TextArgs } from "./text-command.js";
import { tokenizeArguments } from "../tokenize-arguments.js";

export type RcaTextArgs = TextArgs;

export interface CauseArgs {
  category: string;
  text: string;
}

export interface LessonArgs {
  kind: LessonKind;
  text: string;
}

function rcaText(usage: string, what: string, rest: string, skip: number): ArgsResult<string> {
  const text = textAfter(rest, skip).replace(/\s+/g, " ").trim();
  if (!text) return usageError(usage, `Write the ${what}.`);
  if (text.length > RCA_LIMITS.maxTextLength)
    return usageError(usage, `Keep the ${what} under ${RCA_LIMITS.maxTextLength} characters.`);
  return ok(text);
}

const textSpec = (name: string, placeholder: string, summary: string, permission: Permission) =>
  textCommand(name, placeholder, summary, permission, {
    maxLength: RCA_LIMITS.maxTextLength,
    oneLine: true,
  });

/** `/why the GPU pool ran out of memory`: the next answer in the five-whys chain. */
export const whyCommand = (permission: Permission) =>
  textSpec("why", "answer", "Add the next answer to the five-whys chain.", permission);

/** `/factor no load test before the launch`. */
export const factorCommand = (permission: Permission) =>
  textSpec("factor", "factor", "Record a contributing factor.", permission);

/** `/trigger the 14:00 marketing campaign doubled chat traffic`. */
export const triggerCommand = (permission: Permission) =>
  textSpec(
    "trigger",
    "trigger",
    "Record what set the incident off (replaces an earlier one).",
    permission,
  );

/** `/root-cause no capacity planning or autoscaling for launches`. */
export const rootCauseCommand = (permission: Permission) =>
  textSpec(
    "root-cause",
    "root cause",
    "Record the agreed root cause (replaces an earlier one).",
    permission,
  );

/** `/cause process no capacity review before campaigns`, for any configured fishbone category. */
export function causeCommand(
  permission: Permission,
  categories: readonly string[],
): CommandSpec<CauseArgs> {
  const usage = "/cause <category> <text>";
  return {
    name: "cause",
    usage,
    summary: `Add a fishbone cause under a category (${categories.join(", ")}).`,
    permission,
    parse(args, rest) {
      const word = args[0]?.toLowerCase();
      if (!word) return usageError(usage, `Say which category, one of ${listOf(categories)}.`);
      if (!categories.includes(word))
        return usageError(
          usage,
          `${inlineCode(args[0]!)} is not a category here; use one of ${listOf(categories)}.`,
        );
      const text = rcaText(usage, "cause", rest, 1);
      return text.ok ? ok({ category: word, text: text.value }) : text;
    },
  };
}

/**
 * The lesson's kind as people write it, and how many arguments that took: `went-well`,
 * `went well`, `lucky`, each with or without a colon (`went well:`, `lucky :`).
 */
function lessonKind(args: readonly string[]): { kind: LessonKind; used: number } | undefined {
  const word = (i: number) => args[i]?.toLowerCase().replace(/:$/, "");
  const colonAfter = (i: number) => (args[i] === ":" ? 1 : 0);
  const single = LESSON_KINDS.find((k) => k === word(0));
  if (single) return { kind: single, used: 1 + colonAfter(1) };
  const pair = LESSON_KINDS.find((k) => k === `${word(0)}-${word(1)}`);
  if (pair && !args[0]!.endsWith(":")) return { kind: pair, used: 2 + colonAfter(2) };
  return undefined;
}

/** `/lesson went well: the runbook rolled back in two minutes`. */
export function lessonCommand(permission: Permission): CommandSpec<LessonArgs> {
  const usage = "/lesson went-well|went-wrong|lucky <text>";
  return {
    name: "lesson",
    usage,
    summary: "Record a lesson: what went well, what went wrong, where we got lucky.",
    permission,
    parse(args, rest) {
      if (!args[0]) return usageError(usage, `Say which kind, one of ${listOf(LESSON_KINDS)}.`);
      const found = lessonKind(args);
      if (!found)
        return usageError(
          usage,
          `${inlineCode(args[0])} is not a kind of lesson; use one of ${listOf(LESSON_KINDS)}.`,
        );
      if (tokenizeArguments(rest).length <= found.used)
        return usageError(usage, "Write the lesson.");
      const text = rcaText(usage, "lesson", rest, found.used);
      return text.ok ? ok({ kind: found.kind, text: text.value }) : text;
    },
  };
}
