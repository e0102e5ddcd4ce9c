import type { FaultTree } from "./fault-tree-schema.js";
import { minimise, toCutSet, type CutSet } from "./minimise-cut-sets.js";

/**
 * The number of minimal cut sets grows exponentially with AND gates over OR gates, so a
 * repository file could otherwise pin the CPU. Both caps apply at every gate, not only at
 * the top, because the explosion happens in the middle of the tree.
 */
export const CUT_SET_LIMITS = {
  /** Most minimal cut sets any one gate may have after absorption. */
  maxCutSets: 10_000,
  /** Most candidate sets an AND or k-of-n gate may build before absorption. */
  maxCandidates: 200_000,
};

export type CutSetLimits = typeof CUT_SET_LIMITS;

export type MinimalCutSetsResult =
  | { ok: true; cutSets: string[][] }
  | { ok: false; error: string; gate: string };

type Family = CutSet[];

class CutSetLimitError extends Error {
  constructor(
    message: string,
    readonly gate: string,
  ) {
    super(message);
  }
}

/**
 * Minimal cut sets of a validated tree, bottom-up with absorption at every gate (the
 * result equals MOCUS followed by minimisation). Shared events and shared sub-trees are
 * handled because each event is one bit and each gate is evaluated once. Sorted by size,
 * then by event id; ids inside a set are sorted.
 */
export function minimalCutSets(tree: FaultTree, limits: CutSetLimits = CUT_SET_LIMITS): MinimalCutSetsResult {
  const eventIds = tree.events.map((event) => event.id);
  const bitOf = new Map(eventIds.map((id, i) => [id, 1n << BigInt(i)] as const));
  const gates = new Map(tree.gates.map((gate) => [gate.id, gate] as const));
  const memo = new Map<string, Family>();
  const visiting = new Set<string>();

  const evaluate = (id: string): Family => {
    const bit = bitOf.get(id);
    if (bit !== undefined && !gates.has(id)) return [{ bits: bit, size: 1 }];
    const cached = memo.get(id);
    if (cached) return cached;
    const gate = gates.get(id);
    if (!gate) throw new CutSetLimitError(`"${id}" is not defined; validate the tree first`, id);
    if (visiting.has(id)) throw new CutSetLimitError(`"${id}" is part of a cycle; validate the tree first`, id);
    visiting.add(id);
    const inputs = gate.inputs.map(evaluate);
    visiting.delete(id);
    const check = (family: Family) => {
      if (family.length > limits.maxCutSets) {
        throw new CutSetLimitError(`gate "${id}" has more than ${limits.maxCutSets} minimal cut sets; split the tree or model fewer combinations`, id);
      }
      return family;
    };
    let family: Family;
    if (gate.type === "or") family = minimise(inputs.flat());
    else if (gate.type === "and") family = inputs.reduce<Family>((acc, next) => check(product(acc, next, id, limits)), [{ bits: 0n, size: 0 }]);
    else family = atLeast(gate.k ?? inputs.length, inputs, id, limits, check);
    memo.set(id, check(family));
    return family;
  };

  try {
    const family = evaluate(tree.top);
    const cutSets = family.map((set) => eventIds.filter((_, i) => (set.bits >> BigInt(i)) & 1n).sort());
    cutSets.sort((a, b) => a.length - b.length || a.join("\u0000").localeCompare(b.join("\u0000")));
    return { ok: true, cutSets };
  } catch (error) {
    if (error instanceof CutSetLimitError) return { ok: false, error: error.message, gate: error.gate };
    throw error;
  }
}

/** AND of two families: every union of one set from each, then absorption. */
function product(a: Family, b: Family, gate: string, limits: CutSetLimits): Family {
  if (a.length * b.length > limits.maxCandidates) {
    throw new CutSetLimitError(`gate "${gate}" would combine ${a.length} × ${b.length} cut sets (limit ${limits.maxCandidates}); split the tree or model fewer combinations`, gate);
  }
  const out: Family = [];
  for (const x of a) for (const y of b) out.push(toCutSet(x.bits | y.bits));
  return minimise(out);
}

/**
 * k-of-n without enumerating the C(n, k) input combinations: byCount[j] holds the cut
 * sets in which j of the inputs seen so far have occurred.
 */
function atLeast(k: number, inputs: Family[], gate: string, limits: CutSetLimits, check: (f: Family) => Family): Family {
  const byCount: Family[] = [[{ bits: 0n, size: 0 }], ...Array.from({ length: k }, () => [])];
  inputs.forEach((input, i) => {
    for (let j = Math.min(k, i + 1); j >= 1; j--) {
      const withThis = product(byCount[j - 1] ?? [], input, gate, limits);
      byCount[j] = check(minimise([...(byCount[j] ?? []), ...withThis]));
    }
  });
  return byCount[k] ?? [];
}
