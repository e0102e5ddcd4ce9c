import type { FaultTree } from "./fault-tree-schema.js";

export interface TopEventProbability {
  /** Rare-event approximation: Σ P(cut set), each the product of its independent events. Capped at 1. */
  rareEvent: number;
  /** Min-cut upper bound 1 − Π(1 − P(cut set)); closer than rare-event when probabilities are large. */
  upperBound: number;
}

/**
 * Estimates the top event's probability from its minimal cut sets, assuming independent
 * basic events. Returns undefined when an event in some cut set has no probability,
 * because a partial sum would look precise and be wrong.
 */
export function topEventProbability(tree: FaultTree, cutSets: readonly (readonly string[])[]): TopEventProbability | undefined {
  const probabilityOf = new Map(tree.events.map((event) => [event.id, event.probability] as const));
  let sum = 0;
  let none = 1;
  for (const cutSet of cutSets) {
    let p = 1;
    for (const id of cutSet) {
      const q = probabilityOf.get(id);
      if (q === undefined) return undefined;
      p *= q;
    }
    sum += p;
    none *= 1 - p;
  }
  return { rareEvent: Math.min(1, sum), upperBound: 1 - none };
}
