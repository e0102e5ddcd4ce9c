import { describe, expect, it } from "vitest";
import type { FaultTree, FaultTreeGate } from "../../src/analysis/fault-tree-schema.js";
import { minimalCutSets } from "../../src/analysis/minimal-cut-sets.js";
import { topEventProbability } from "../../src/analysis/top-event-probability.js";

type GateSpec = [id: string, type: FaultTreeGate["type"], inputs: string[], k?: number];

function tree(top: string, gates: GateSpec[], events: string[], probability?: Record<string, number>): FaultTree {
  return {
    title: "t",
    top,
    gates: gates.map(([id, type, inputs, k]) => ({ id, type, inputs, ...(k === undefined ? {} : { k }) })),
    events: events.map((id) => ({ id, ...(probability?.[id] === undefined ? {} : { probability: probability[id] }) })),
  };
}

function cutSetsOf(t: FaultTree): string[][] {
  const result = minimalCutSets(t);
  if (!result.ok) throw new Error(result.error);
  return result.cutSets;
}

describe("minimalCutSets on textbook trees", () => {
  it.each<[string, FaultTree, string[][]]>([
    [
      "LLM serving: unavailable = OR(GPU fault, OOM, network), OOM = AND(load, limit)",
      tree("unavailable", [["unavailable", "or", ["gpu-fault", "oom", "network"]], ["oom", "and", ["high-load", "resource-limit"]]], ["gpu-fault", "network", "high-load", "resource-limit"]),
      [["gpu-fault"], ["network"], ["high-load", "resource-limit"]],
    ],
    [
      "NUREG-0492 Boolean reduction: T = (A+B+C)(C+AB) = C + AB",
      tree("T", [["T", "and", ["E1", "E2"]], ["E1", "or", ["A", "E3"]], ["E3", "or", ["B", "C"]], ["E2", "or", ["C", "E4"]], ["E4", "and", ["A", "B"]]], ["A", "B", "C"]),
      [["C"], ["A", "B"]],
    ],
    [
      "shared event under AND: (A+B)(A+C) = A + BC",
      tree("T", [["T", "and", ["G1", "G2"]], ["G1", "or", ["A", "B"]], ["G2", "or", ["A", "C"]]], ["A", "B", "C"]),
      [["A"], ["B", "C"]],
    ],
    ["absorption: A + AB = A", tree("T", [["T", "or", ["A", "G"]], ["G", "and", ["A", "B"]]], ["A", "B"]), [["A"]]],
    ["idempotence: A·A via a shared sub-tree", tree("T", [["T", "and", ["G", "G2"]], ["G", "or", ["A"]], ["G2", "or", ["G"]]], ["A"]), [["A"]]],
    ["2-of-3 voting", tree("T", [["T", "k-of-n", ["A", "B", "C"], 2]], ["A", "B", "C"]), [["A", "B"], ["A", "C"], ["B", "C"]]],
    ["1-of-3 is OR", tree("T", [["T", "k-of-n", ["A", "B", "C"], 1]], ["A", "B", "C"]), [["A"], ["B"], ["C"]]],
    ["3-of-3 is AND", tree("T", [["T", "k-of-n", ["A", "B", "C"], 3]], ["A", "B", "C"]), [["A", "B", "C"]]],
    [
      "2-of-3 over gates with a shared event: {AD, AC, BC}",
      tree("T", [["T", "k-of-n", ["G1", "G2", "C"], 2], ["G1", "or", ["A", "B"]], ["G2", "and", ["A", "D"]]], ["A", "B", "C", "D"]),
      [["A", "C"], ["A", "D"], ["B", "C"]],
    ],
    [
      "nested: (A + BC)(C + AB) = AB + AC + BC",
      tree("T", [["T", "and", ["G1", "G2"]], ["G1", "or", ["A", "G3"]], ["G3", "and", ["B", "C"]], ["G2", "or", ["C", "G4"]], ["G4", "and", ["A", "B"]]], ["A", "B", "C"]),
      [["A", "B"], ["A", "C"], ["B", "C"]],
    ],
    ["top is a basic event", tree("A", [], ["A"]), [["A"]]],
  ])("%s", (_name, t, expected) => {
    expect(cutSetsOf(t)).toEqual(expected);
  });
});

describe("minimalCutSets against brute force", () => {
  // A set S is a minimal cut set iff the top event happens for S and for no S minus one event.
  function happens(t: FaultTree, failed: Set<string>, id: string): boolean {
    const gate = t.gates.find((g) => g.id === id);
    if (!gate) return failed.has(id);
    const count = gate.inputs.filter((input) => happens(t, failed, input)).length;
    const need = gate.type === "or" ? 1 : gate.type === "and" ? gate.inputs.length : (gate.k ?? 1);
    return count >= need;
  }
  function bruteForce(t: FaultTree): string[][] {
    const ids = t.events.map((e) => e.id);
    const result: string[][] = [];
    for (let mask = 1; mask < 1 << ids.length; mask++) {
      const set = ids.filter((_, i) => mask & (1 << i));
      if (!happens(t, new Set(set), t.top)) continue;
      if (set.some((drop) => happens(t, new Set(set.filter((x) => x !== drop)), t.top))) continue;
      result.push(set.sort());
    }
    return result.sort((a, b) => a.length - b.length || a.join("\u0000").localeCompare(b.join("\u0000")));
  }
  function randomTree(seed: number): FaultTree {
    let state = seed;
    const rand = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
    const events = ["a", "b", "c", "d", "e", "f", "g"];
    const gates: GateSpec[] = [];
    // Gate i only takes inputs from events and higher-numbered gates, so there is no cycle.
    for (let i = 5; i >= 0; i--) {
      const pool = [...events, ...gates.map(([id]) => id)];
      const inputs = [...new Set(Array.from({ length: 2 + rand(3) }, () => pool[rand(pool.length)] as string))];
      const type = (["and", "or", "k-of-n"] as const)[rand(3)] ?? "or";
      gates.push([`g${i}`, type, inputs, type === "k-of-n" ? 1 + rand(inputs.length) : undefined]);
    }
    return tree("g0", gates, events);
  }
  it.each(Array.from({ length: 60 }, (_, i) => [i + 1]))("random tree %i matches the truth table", (seed) => {
    const t = randomTree(seed);
    expect(cutSetsOf(t)).toEqual(bruteForce(t));
  });
});

describe("minimalCutSets limits", () => {
  it("refuses a combinatorial explosion with the gate to blame", () => {
    const n = 16;
    const gates: GateSpec[] = [["T", "and", Array.from({ length: n }, (_, i) => `G${i}`)]];
    const events: string[] = [];
    for (let i = 0; i < n; i++) {
      gates.push([`G${i}`, "or", [`x${i}`, `y${i}`]]);
      events.push(`x${i}`, `y${i}`);
    }
    const result = minimalCutSets(tree("T", gates, events));
    expect(result).toMatchObject({ ok: false, gate: "T" });
    expect(!result.ok && result.error).toMatch(/more than 10000 minimal cut sets/);
  });
  it("refuses a product too large to build", () => {
    const result = minimalCutSets(
      tree("T", [["T", "and", ["G1", "G2"]], ["G1", "or", ["a", "b", "c"]], ["G2", "or", ["d", "e", "f"]]], ["a", "b", "c", "d", "e", "f"]),
      { maxCutSets: 100, maxCandidates: 8 },
    );
    expect(result).toEqual({ ok: false, gate: "T", error: expect.stringMatching(/3 × 3 cut sets \(limit 8\)/) });
  });
  it("reports a cycle instead of recursing forever when given an unvalidated tree", () => {
    expect(minimalCutSets(tree("T", [["T", "or", ["G"]], ["G", "or", ["T"]]], []))).toMatchObject({ ok: false, gate: "T" });
  });
});

describe("topEventProbability", () => {
  const t = tree("T", [["T", "or", ["A", "G"]], ["G", "and", ["B", "C"]]], ["A", "B", "C"], { A: 0.01, B: 0.1, C: 0.2 });
  it("sums the cut sets (rare-event) and gives the min-cut upper bound", () => {
    const p = topEventProbability(t, cutSetsOf(t));
    expect(p?.rareEvent).toBeCloseTo(0.03, 10);
    expect(p?.upperBound).toBeCloseTo(1 - 0.99 * 0.98, 10);
  });
  it("is undefined when a needed probability is missing", () => {
    const partial = tree("T", [["T", "or", ["A", "B"]]], ["A", "B"], { A: 0.5 });
    expect(topEventProbability(partial, cutSetsOf(partial))).toBeUndefined();
  });
  it("caps the rare-event sum at 1", () => {
    const big = tree("T", [["T", "or", ["A", "B"]]], ["A", "B"], { A: 0.8, B: 0.9 });
    expect(topEventProbability(big, cutSetsOf(big))?.rareEvent).toBe(1);
  });
});
