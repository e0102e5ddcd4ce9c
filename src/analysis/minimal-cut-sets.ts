import type { FaultTree } from "./fault-tree-schema.js";

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

/** A set of basic events as a bitset: bit i is the i-th basic event. */
interface CutSet {
  bits: bigint;
  size: number;
}
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

function toCutSet(bits: bigint): CutSet {
  let size = 0;
  for (let rest = bits; rest !== 0n; rest &= rest - 1n) size++;
  return { bits, size };
}

/**
 * Absorption: drop duplicates and every set that contains a smaller set ({A} absorbs {A, B}).
 * Sets are visited smallest first; a set is absorbed if any of its proper subsets was kept.
 * Enumerating the 2^size subsets of a small set and looking each up is far cheaper than
 * comparing against every kept set, so that is used whenever it is the smaller job.
 */
function minimise(family: Family): Family {
  const unique = new Map<bigint, CutSet>();
  for (const set of family) unique.set(set.bits, set);
  const sorted = [...unique.values()].sort((x, y) => x.size - y.size);
  const kept: Family = [];
  const keptBits = new Set<bigint>();
  // Distinct sets of equal size cannot contain each other, so compare only with smaller ones.
  let smaller = 0;
  for (const set of sorted) {
    while (smaller < kept.length && (kept[smaller]?.size ?? 0) < set.size) smaller++;
    const absorbed = 2 ** set.size < smaller ? hasKeptSubset(set, keptBits) : scanForSubset(set, kept, smaller);
    if (!absorbed) {
      kept.push(set);
      keptBits.add(set.bits);
    }
  }
  return kept;
}

function scanForSubset(set: CutSet, kept: Family, count: number): boolean {
  for (let i = 0; i < count; i++) {
    const small = (kept[i] as CutSet).bits;
    if ((small & set.bits) === small) return true;
  }
  return false;
}

function hasKeptSubset(set: CutSet, keptBits: Set<bigint>): boolean {
  const singles: bigint[] = [];
  for (let rest = set.bits; rest !== 0n; rest &= rest - 1n) singles.push(rest & -rest);
  // Every proper, non-empty subset: masks 1 … 2^size − 2.
  for (let mask = 1; mask < (1 << singles.length) - 1; mask++) {
    let bits = 0n;
    for (let i = 0; i < singles.length; i++) if (mask & (1 << i)) bits |= singles[i] as bigint;
    if (keptBits.has(bits)) return true;
  }
  return false;
}
