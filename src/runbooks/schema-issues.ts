import type { z } from "zod";
import { BARE_STEP_KINDS, STEP_KINDS } from "./step-run-schema.js";

type Issue = z.core.$ZodIssue;

/**
 * A step's `run` is a kind alone or a mapping, so zod reports one "invalid input" with both
 * branches' problems. Replaced by what the user wrote means: the mapping's own problems
 * (with the `run` path in front), or one message about the word that was written.
 */
export function expandRunIssue(issue: Issue): Issue[] {
  const last = issue.path[issue.path.length - 1];
  if (issue.code !== "invalid_union" || last !== "run" || issue.errors.length !== 2) return [issue];
  const input = issue.input;
  if (input === undefined) return [{ code: "invalid_type", expected: "object", input, path: issue.path, message: "" }];
  if (isMapping(input)) return (issue.errors[1] ?? []).map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
  if (typeof input === "string") return [{ code: "custom", input, path: issue.path, message: bareKindMessage(input) }];
  return [{ code: "invalid_type", expected: "object", input, path: issue.path, message: "" }];
}

function bareKindMessage(word: string): string {
  const bare = BARE_STEP_KINDS.join(" or ");
  if ((STEP_KINDS as readonly string[]).includes(word)) {
    return `a ${word} step needs options: write it as a mapping, run: { kind: ${word}, … } (only ${bare} can be written alone)`;
  }
  return `unknown step kind "${clip(word)}"; valid kinds: ${STEP_KINDS.join(", ")} (${bare} may be written alone, e.g. run: manual)`;
}

const EXPECTED: Record<string, string> = {
  object: "a mapping (key: value)",
  array: "a list",
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  record: "a mapping (key: value)",
};

/** "steps must be a list, found the text \"restart\"": what was expected, and what was there. */
export function wrongTypeMessage(field: string, expected: string, input: unknown): string {
  const what = field === "run" && expected === "object" ? `a mapping with a kind (or just ${BARE_STEP_KINDS.join(" or ")})` : (EXPECTED[expected] ?? expected);
  return `${field || "value"} must be ${what}, found ${describeValue(input)}`;
}

/** What a wrong value is, in words: `the number 5`, `the text "x"`, `a list of 2`. */
export function describeValue(value: unknown): string {
  if (value === null) return "an empty value";
  if (typeof value === "string") return `the text "${clip(value)}"`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isMapping(value)) return "a mapping";
  if (value instanceof Date) return `the date ${value.toISOString()}`;
  return typeof value;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
