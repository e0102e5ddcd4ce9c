import type { z } from "zod";
import { loadYaml, type LoadYamlOptions, type ValuePath } from "../yaml/load-yaml.js";
import { isHostAllowed } from "./http-allow-list.js";
import type { AllowedCidr } from "./refused-address.js";
import { refusedHost } from "./refused-host.js";
import { defaultMessageRenderer, type MessageRenderer } from "./message-template.js";
import { runbookIdOf, identifyRunbook } from "./runbook-identity.js";
import { runbookSchema, type Runbook } from "./schema.js";
import { describeValue, expandRunIssue, wrongTypeMessage } from "./schema-issues.js";
import { checkStepGraph, writtenGraphSteps } from "./step-graph.js";
import { STEP_KINDS } from "./step-run-schema.js";

/** One problem in a runbook file, where a check-run annotation or an editor shows it. */
export interface RunbookError {
  message: string;
  line: number;
  column: number;
  /** The file, as given to `validateRunbook`. */
  path: string;
  /** The field, e.g. `steps[2].run.url`; empty for the file as a whole. */
  field: string;
}

export interface ValidateRunbookOptions {
  /** Hosts `http` steps may call (config `runbooks.http_allow`); none when omitted. */
  httpAllow?: readonly string[];
  /** Private networks the operator lets `http` steps reach (`FIREWATCH_HTTP_ALLOW_CIDRS`); none when omitted. */
  httpAllowCidrs?: readonly AllowedCidr[];
  renderer?: MessageRenderer;
  yaml?: LoadYamlOptions;
}

export interface RunbookValidation {
  runbook?: Runbook;
  errors: RunbookError[];
}

/** Parses and checks one runbook file. Never throws: every problem is an error at its line. */
export function validateRunbook(source: string, filename: string, options: ValidateRunbookOptions = {}): RunbookValidation {
  const loaded = loadYaml(source, options.yaml);
  if (!loaded.ok) return { errors: [{ ...loaded.error, path: filename, field: "" }] };
  const at = (message: string, path: ValuePath, line?: { line: number; column: number }): RunbookError => ({
    message,
    ...(line ?? loaded.positionOf(path)),
    path: filename,
    field: formatField(path),
  });
  const parsed = runbookSchema.safeParse(loaded.value, { reportInput: true });
  // The graph is checked as written, so its problems show even when a field is wrong.
  const written = (loaded.value ?? {}) as { steps?: unknown; rollback?: unknown };
  const mainSteps = writtenGraphSteps(written.steps);
  const graph = [...checkStepGraph(mainSteps, "steps"), ...checkStepGraph(writtenGraphSteps(written.rollback), "rollback", new Set(mainSteps.map((s) => s.id)))];
  const errors: RunbookError[] = graph.map((problem) => at(problem.message, problem.path));
  const id = runbookIdOf(filename);
  if (id === undefined) errors.push({ message: `the file name gives no runbook id: name it with letters or digits, e.g. database-failover.yml (the id is what /runbook run takes)`, line: 1, column: 1, path: filename, field: "" });
  if (!parsed.success) {
    return { errors: [...parsed.error.issues.flatMap(expandRunIssue).map((issue) => at(describeIssue(issue), issueLocation(issue))), ...errors].sort(byLine) };
  }
  const runbook = identifyRunbook(parsed.data, id ?? "");
  const renderer = options.renderer ?? defaultMessageRenderer;
  const allow = options.httpAllow ?? [];
  for (const list of ["steps", "rollback"] as const) {
    runbook[list].forEach((step, index) => {
      const run = step.run;
      const base = [list, index, "run"];
      const templates: [string, ValuePath][] =
        run.kind === "comment" ? [[run.template, [...base, "template"]]] : run.kind === "workflow" ? Object.entries(run.inputs).flatMap(([k, v]) => (typeof v === "string" ? [[v, [...base, "inputs", k]] as [string, ValuePath]] : [])) : [];
      for (const [template, path] of templates) {
        const error = renderer.check(template);
        if (error) errors.push(at(error.message, path, templateLine(source, loaded.positionOf(path), template, error)));
      }
      const refused = run.kind === "http" ? refusedHost(run.url, options.httpAllowCidrs) : undefined;
      if (refused) errors.push(at(refused, [...base, "url"]));
      else if (run.kind === "http" && !isHostAllowed(run.url, allow)) {
        const host = safeHost(run.url);
        const allowed = allow.length > 0 ? `allowed: ${allow.join(", ")}` : "no hosts are allowed yet";
        errors.push(at(`host "${host}" is not in runbooks.http_allow in .github/firewatch.yml (${allowed})`, [...base, "url"]));
      }
    });
  }
  errors.push(...checkRecoveryFields(runbook).map((p) => at(p.message, p.path)));
  errors.sort(byLine);
  return errors.length > 0 ? { errors } : { runbook, errors };
}

function checkRecoveryFields(runbook: Runbook): { message: string; path: ValuePath }[] {
  const problems: { message: string; path: ValuePath }[] = [];
  if (runbook.kind === "recovery" && !runbook.objectives) problems.push({ message: "a recovery plan (kind: recovery) needs objectives (at least rto)", path: ["kind"] });
  if (runbook.kind !== "recovery") {
    for (const field of ["objectives", "verification", "communication"] as const) {
      if (runbook[field] !== undefined) problems.push({ message: `${field} is only for recovery plans: add \`kind: recovery\``, path: [field] });
    }
  }
  runbook.verification?.forEach((criterion, index) => {
    if (criterion.step === undefined) return;
    const step = runbook.steps.find((s) => s.id === criterion.step);
    if (!step) problems.push({ message: `verification refers to unknown step "${criterion.step}"`, path: ["verification", index, "step"] });
    else if (step.type !== "verify") problems.push({ message: `verification step "${step.id}" must have type: verify (it has ${step.type})`, path: ["verification", index, "step"] });
  });
  return problems;
}

function issueLocation(issue: z.core.$ZodIssue): ValuePath {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  if (issue.code === "unrecognized_keys" && issue.keys[0] !== undefined) return [...path, issue.keys[0]];
  return path;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const last = issue.path[issue.path.length - 1];
  // A list entry is named with its list: `needs[0]`, `severities[1]`.
  const field = typeof last === "string" ? last : typeof last === "number" ? formatField(issue.path.slice(-2).filter((p): p is string | number => typeof p !== "symbol")) : "";
  if (issue.code === "invalid_union" && "discriminator" in issue && issue.discriminator === "kind") {
    return `unknown step kind; valid kinds: ${STEP_KINDS.join(", ")}`;
  }
  if (issue.code === "unrecognized_keys") return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  if (issue.code === "invalid_type") return issue.input === undefined ? `${field || "value"} is required` : wrongTypeMessage(field, issue.expected, issue.input);
  if (issue.code === "invalid_value" && issue.values.length > 1) return `${field || "value"} must be one of ${issue.values.map(String).join(", ")}${issue.input === undefined ? "" : `, found ${describeValue(issue.input)}`}`;
  return field ? `${field}: ${issue.message}` : issue.message;
}

function formatField(path: ValuePath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** Maps a template's own line to the file: block scalars start on the line after their key. */
function templateLine(source: string, key: { line: number; column: number }, template: string, error: { line: number; column: number }): { line: number; column: number } {
  const lines = source.split("\n");
  const first = template.split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
  let start = key.line;
  for (let i = key.line - 1; i < Math.min(lines.length, key.line + 3); i++) {
    if (first !== "" && (lines[i] ?? "").includes(first)) {
      start = i + 1;
      break;
    }
  }
  const line = start + error.line - 1;
  const indent = (lines[line - 1] ?? "").length - (lines[line - 1] ?? "").trimStart().length;
  return { line, column: indent + 1 };
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function byLine(a: RunbookError, b: RunbookError): number {
  return a.line - b.line || a.column - b.column;
}
