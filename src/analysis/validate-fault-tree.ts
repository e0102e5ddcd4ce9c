import type { FaultTree } from "./fault-tree-schema.js";
import type { ValuePath } from "./yaml-source.js";

/** A problem in a fault tree, pointing at the value that causes it. */
export interface FaultTreeProblem {
  severity: "error" | "warning";
  message: string;
  path: ValuePath;
}

/**
 * The checks a schema cannot express: references, uniqueness, gate arity and cycles.
 * Minimal cut sets are only meaningful on a tree that passes with no errors.
 */
export function validateFaultTree(tree: FaultTree): FaultTreeProblem[] {
  const problems: FaultTreeProblem[] = [];
  const error = (message: string, path: ValuePath) => problems.push({ severity: "error", message, path });
  const defined = new Map<string, ValuePath>();

  const define = (id: string, path: ValuePath) => {
    const first = defined.get(id);
    if (first) error(`duplicate id "${id}" (already defined at ${first.join(".")})`, path);
    else defined.set(id, path);
  };
  tree.gates.forEach((gate, g) => define(gate.id, ["gates", g, "id"]));
  tree.events.forEach((event, e) => define(event.id, ["events", e, "id"]));

  if (!defined.has(tree.top)) error(`top event "${tree.top}" is not a gate or event defined in this file`, ["top"]);

  tree.gates.forEach((gate, g) => {
    const n = gate.inputs.length;
    if (n === 0) error(`gate "${gate.id}" has no inputs; a gate needs at least one`, ["gates", g, "inputs"]);
    const seen = new Set<string>();
    gate.inputs.forEach((input, i) => {
      if (!defined.has(input)) error(`gate "${gate.id}" uses "${input}", which is not a gate or event defined in this file`, ["gates", g, "inputs", i]);
      if (seen.has(input)) error(`gate "${gate.id}" lists "${input}" twice`, ["gates", g, "inputs", i]);
      seen.add(input);
    });
    if (gate.type === "k-of-n") {
      if (gate.k === undefined) error(`k-of-n gate "${gate.id}" needs k (how many of its ${n} inputs must fail)`, ["gates", g]);
      else if (n > 0 && (gate.k < 1 || gate.k > n)) error(`k-of-n gate "${gate.id}" has k = ${gate.k}, but k must be between 1 and ${n} (its number of inputs)`, ["gates", g, "k"]);
    } else if (gate.k !== undefined) {
      error(`gate "${gate.id}" is "${gate.type}"; k only applies to k-of-n gates`, ["gates", g, "k"]);
    }
  });

  problems.push(...findCycles(tree));
  problems.push(...findUnreachable(tree, defined));
  return problems;
}

function findCycles(tree: FaultTree): FaultTreeProblem[] {
  const gateIndex = new Map(tree.gates.map((gate, g) => [gate.id, g] as const));
  const state = new Map<string, "visiting" | "done">();
  const problems: FaultTreeProblem[] = [];
  const trail: string[] = [];
  // Recursion depth is bounded by FAULT_TREE_LIMITS.maxGates, far below the stack limit.
  const visit = (id: string) => {
    const g = gateIndex.get(id);
    if (g === undefined) return;
    state.set(id, "visiting");
    trail.push(id);
    tree.gates[g]?.inputs.forEach((input, i) => {
      if (state.get(input) === "visiting") {
        const cycle = [...trail.slice(trail.indexOf(input)), input].join(" → ");
        problems.push({ severity: "error", message: `cycle: ${cycle}; a fault tree must not feed a gate back into itself`, path: ["gates", g, "inputs", i] });
      } else if (!state.has(input)) visit(input);
    });
    trail.pop();
    state.set(id, "done");
  };
  if (gateIndex.has(tree.top)) visit(tree.top);
  for (const gate of tree.gates) if (!state.has(gate.id)) visit(gate.id);
  return problems;
}

function findUnreachable(tree: FaultTree, defined: Map<string, ValuePath>): FaultTreeProblem[] {
  const inputsOf = new Map(tree.gates.map((gate) => [gate.id, gate.inputs] as const));
  const reached = new Set<string>();
  const queue = [tree.top];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (reached.has(id)) continue;
    reached.add(id);
    queue.push(...(inputsOf.get(id) ?? []));
  }
  const problems: FaultTreeProblem[] = [];
  for (const [id, path] of defined) {
    if (!reached.has(id) && defined.has(tree.top)) {
      problems.push({ severity: "warning", message: `"${id}" is not reachable from the top event "${tree.top}"; it does not affect the cut sets`, path });
    }
  }
  return problems;
}
