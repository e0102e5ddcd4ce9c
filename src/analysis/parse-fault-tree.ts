import { faultTreeSchema, type FaultTree } from "./fault-tree-schema.js";
import { validateFaultTree } from "./validate-fault-tree.js";
import { sharedYamlLoader, type YamlSourceLoader } from "./yaml-source.js";

/** A problem a user can fix, at the line and column (1-based) where it was written. */
export interface FaultTreeDiagnostic {
  severity: "error" | "warning";
  message: string;
  line: number;
  column: number;
  /** Where in the document, e.g. "gates.2.inputs.0"; empty for syntax errors. */
  path: string;
}

export type ParseFaultTreeResult =
  | { ok: true; tree: FaultTree; warnings: FaultTreeDiagnostic[] }
  | { ok: false; errors: FaultTreeDiagnostic[]; warnings: FaultTreeDiagnostic[] };

/**
 * Parses and validates a fault tree file. Never throws on bad input: every problem comes
 * back as a diagnostic so a check run can annotate the exact line.
 */
export function parseFaultTree(source: string, loader: YamlSourceLoader = sharedYamlLoader): ParseFaultTreeResult {
  const loaded = loader.load(source);
  if ("error" in loaded) {
    const { message, line, column } = loaded.error;
    return { ok: false, errors: [{ severity: "error", message: `invalid YAML: ${message}`, line, column, path: "" }], warnings: [] };
  }
  const at = (path: ReadonlyArray<PropertyKey>) => {
    const clean = path.filter((key): key is string | number => typeof key !== "symbol");
    return { ...loaded.positionOf(clean), path: clean.join(".") };
  };

  if (loaded.value === null || loaded.value === undefined) {
    return { ok: false, errors: [{ severity: "error", message: "the file is empty; a fault tree needs title, top, gates and events", line: 1, column: 1, path: "" }], warnings: [] };
  }
  const parsed = faultTreeSchema.safeParse(loaded.value);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({ severity: "error" as const, message: describeIssue(issue), ...at(issue.path) }));
    return { ok: false, errors: sortByPosition(errors), warnings: [] };
  }

  const problems = validateFaultTree(parsed.data).map((problem) => ({ severity: problem.severity, message: problem.message, ...at(problem.path) }));
  const errors = sortByPosition(problems.filter((p) => p.severity === "error"));
  const warnings = sortByPosition(problems.filter((p) => p.severity === "warning"));
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, tree: parsed.data, warnings };
}

/** Zod's messages lack the field name and, for enums, the allowed values; users need both. */
function describeIssue(issue: { message: string; path: PropertyKey[]; code: string; keys?: string[]; values?: unknown[] }): string {
  const field = issue.path.filter((key) => typeof key === "string").at(-1) ?? "file";
  if (issue.code === "unrecognized_keys" && issue.keys) return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  if (issue.code === "invalid_value" && issue.values) return `${String(field)}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
  return `${String(field)}: ${issue.message}`;
}

function sortByPosition<T extends { line: number; column: number }>(items: T[]): T[] {
  return items.sort((a, b) => a.line - b.line || a.column - b.column);
}
