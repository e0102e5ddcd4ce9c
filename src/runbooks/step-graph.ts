import type { RunbookStep } from "./schema.js";

/** What the graph checks need of a step; `index` is its place in the file when only some steps are checked. */
export interface GraphStep {
  id: string;
  needs?: readonly string[] | undefined;
  index?: number;
}

/** A problem in how steps refer to each other, at a path inside the runbook. */
export interface GraphProblem {
  message: string;
  path: (string | number)[];
}

/**
 * What each step waits for: its `needs`, or, when it has none written, the step written
 * before it (the default order). `needs: []` means "start at once".
 */
export function effectiveNeeds(steps: readonly GraphStep[]): Map<string, readonly string[]> {
  const needs = new Map<string, readonly string[]>();
  steps.forEach((step, index) => {
    const previous = index > 0 ? steps[index - 1]?.id : undefined;
    needs.set(step.id, step.needs ?? (previous !== undefined ? [previous] : []));
  });
  return needs;
}

/** Duplicate ids, unknown `needs` and cycles (named step by step), each at the step it concerns. */
export function checkStepGraph(steps: readonly GraphStep[], list: "steps" | "rollback", otherIds: ReadonlySet<string> = new Set()): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const firstIndex = new Map<string, number>();
  steps.forEach((step, position) => {
    const index = step.index ?? position;
    const seen = firstIndex.get(step.id);
    if (seen !== undefined) problems.push({ message: `duplicate step id "${step.id}" (first used by ${list}[${seen}])`, path: [list, index, "id"] });
    else if (otherIds.has(step.id)) problems.push({ message: `duplicate step id "${step.id}" (already used in steps)`, path: [list, index, "id"] });
    else firstIndex.set(step.id, index);
  });
  steps.forEach((step, position) => {
    const index = step.index ?? position;
    (step.needs ?? []).forEach((need, n) => {
      if (need === step.id) problems.push({ message: `step "${step.id}" needs itself`, path: [list, index, "needs", n] });
      else if (!firstIndex.has(need)) {
        const known = [...firstIndex.keys()].join(", ");
        problems.push({ message: `step "${step.id}" needs unknown step "${need}" (known ${list} ids: ${known})`, path: [list, index, "needs", n] });
      }
    });
  });
  const cycle = findCycle(steps, firstIndex);
  if (cycle) {
    const at = firstIndex.get(cycle[0] ?? "") ?? 0;
    problems.push({ message: `steps form a cycle: ${cycle.join(" → ")}`, path: [list, at, "needs"] });
  }
  return problems;
}

function findCycle(steps: readonly GraphStep[], known: Map<string, number>): string[] | undefined {
  const needs = effectiveNeeds(steps);
  const state = new Map<string, "visiting" | "done">();
  const trail: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === "done") return undefined;
    if (state.get(id) === "visiting") return [...trail.slice(trail.indexOf(id)), id];
    state.set(id, "visiting");
    trail.push(id);
    for (const need of needs.get(id) ?? []) {
      if (need === id || !known.has(need)) continue;
      const found = visit(need);
      if (found) return found;
    }
    trail.pop();
    state.set(id, "done");
    return undefined;
  };
  for (const step of steps) {
    const found = visit(step.id);
    if (found) return found.reverse();
  }
  return undefined;
}

/** Steps in an order that respects `needs` (ties keep the written order). Assumes no cycle. */
export function executionOrder(steps: readonly RunbookStep[]): RunbookStep[] {
  const needs = effectiveNeeds(steps);
  const done = new Set<string>();
  const order: RunbookStep[] = [];
  while (order.length < steps.length) {
    const next = steps.find((s) => !done.has(s.id) && (needs.get(s.id) ?? []).every((n) => done.has(n) || !needs.has(n)));
    if (!next) break;
    done.add(next.id);
    order.push(next);
  }
  return order;
}

/**
 * The steps of a list as written, for the graph checks before (or despite) the schema: each
 * entry with a text `id`, its `needs` when that is a list (text entries only), at its index.
 * Entries without a usable id are left out; the schema reports them.
 */
export function writtenGraphSteps(list: unknown): GraphStep[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown, index): GraphStep[] => {
    if (typeof entry !== "object" || entry === null) return [];
    const { id, needs } = entry as { id?: unknown; needs?: unknown };
    if (typeof id !== "string") return [];
    const written = Array.isArray(needs) ? needs.filter((n): n is string => typeof n === "string") : undefined;
    return [{ id, needs: written, index }];
  });
}
