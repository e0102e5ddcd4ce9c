/** A set of basic events as a bitset: bit i is the i-th basic event; size is its bit count. */
export interface CutSet {
  bits: bigint;
  size: number;
}

export function toCutSet(bits: bigint): CutSet {
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
export function minimise(family: CutSet[]): CutSet[] {
  const unique = new Map<bigint, CutSet>();
  for (const set of family) unique.set(set.bits, set);
  const sorted = [...unique.values()].sort((x, y) => x.size - y.size);
  const kept: CutSet[] = [];
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

function scanForSubset(set: CutSet, kept: CutSet[], count: number): boolean {
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
