import { dryRun, syntheticIncident } from "../dry-run.js";
import type { RunbookError } from "../validate-runbook.js";
import type { RunbookFile } from "../runbook-file.js";

export const CHECK_NAME = "firewatch/runbooks";
/** GitHub refuses a check-run summary over 65,535 characters. */
const MAX_SUMMARY = 60_000;

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "failure";
  message: string;
  title: string;
}

export interface CheckOutcome {
  conclusion: "success" | "failure";
  title: string;
  summary: string;
  annotations: CheckAnnotation[];
}

/** Decides the `firewatch/runbooks` check for the changed runbook files: annotations at each error, a dry run of each valid file. */
export function checkRunbookFiles(files: readonly RunbookFile[]): CheckOutcome {
  const errors = files.flatMap((f) => f.errors);
  const names = new Map<string, string>();
  for (const file of files) {
    if (!file.runbook) continue;
    // Ids come from file names; an old slug `name:` kept as an alias must not be another's id.
    for (const key of [file.runbook.name, ...(file.runbook.alias ? [file.runbook.alias] : [])]) {
      const other = names.get(key);
      if (other)
        errors.push({
          message: `another runbook (${other}) also answers to "${key}"; runbook ids and old slug names must be unique`,
          line: 1,
          column: 1,
          path: file.path,
          field: "name",
        });
      names.set(key, file.path);
    }
  }
  const sections = files.map((f) =>
    f.runbook
      ? `### ✅ \`${f.path}\`\n\n${dryRun(f.runbook, syntheticIncident({ services: f.runbook.triggers?.services?.slice(0, 2) ?? [] }))}`
      : `### ❌ \`${f.path}\`\n\n${f.errors.map((e) => `- line ${e.line}, column ${e.column}${e.field ? ` (\`${e.field}\`)` : ""}: ${e.message}`).join("\n")}`,
  );
  const head =
    errors.length === 0
      ? `All ${files.length} changed runbook file${files.length === 1 ? "" : "s"} are valid. Dry runs against a synthetic incident:`
      : `${errors.length} error${errors.length === 1 ? "" : "s"} in ${new Set(errors.map((e) => e.path)).size} of ${files.length} changed runbook files.`;
  let summary = [head, ...sections].join("\n\n");
  if (summary.length > MAX_SUMMARY) summary = `${summary.slice(0, MAX_SUMMARY)}\n\n… (truncated)`;
  return {
    conclusion: errors.length === 0 ? "success" : "failure",
    title:
      errors.length === 0
        ? "Runbooks are valid"
        : `${errors.length} runbook error${errors.length === 1 ? "" : "s"}`,
    summary,
    annotations: errors.map(toAnnotation),
  };
}

function toAnnotation(error: RunbookError): CheckAnnotation {
  return {
    path: error.path,
    start_line: error.line,
    end_line: error.line,
    // GitHub accepts columns only when the annotation starts and ends on the same line.
    start_column: error.column,
    end_column: error.column,
    annotation_level: "failure",
    message: error.message,
    title: error.field ? `Runbook error in ${error.field}` : "Runbook error",
  };
}
