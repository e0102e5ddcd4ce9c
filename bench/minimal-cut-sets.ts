// Times minimal cut sets on a realistic large LLM-serving fault tree, and how fast an
// exploding tree is refused. Run: npx tsx bench/minimal-cut-sets.ts
import type { FaultTree, FaultTreeGate } from "../src/analysis/fault-tree-schema.js";
import { minimalCutSets } from "../src/analysis/minimal-cut-sets.js";
import { validateFaultTree } from "../src/analysis/validate-fault-tree.js";

/**
 * An LLM platform: `regionCount` regions (a majority must fail), each with `poolCount` GPU
 * pools (2 must fail), each pool losing capacity when half its nodes fail (GPU Xid or ECC
 * error per node), plus shared causes: request surge without autoscaling, bad model rollout.
 */
function llmPlatformTree(regionCount: number, poolCount: number, nodesPerPool: number): FaultTree {
  const gates: FaultTreeGate[] = [];
  const events = new Set<string>(["bad-model-rollout", "gateway-crash", "gateway-bad-config", "primary-provider-down", "failover-provider-down", "request-surge", "dns-outage"]);
  const regions = ["us", "eu", "ap", "sa", "af"].slice(0, regionCount);
  for (const region of regions) {
    const pools = Array.from({ length: poolCount }, (_, p) => `${region}-pool-${p}`);
    for (const pool of pools) {
      const nodes = Array.from({ length: nodesPerPool }, (_, n) => `${pool}-node-${n}-down`);
      for (let n = 0; n < nodesPerPool; n++) {
        gates.push({ id: `${pool}-node-${n}-down`, type: "or", inputs: [`${pool}-gpu-${n}-xid`, `${pool}-gpu-${n}-ecc`] });
        events.add(`${pool}-gpu-${n}-xid`).add(`${pool}-gpu-${n}-ecc`);
      }
      // A pool is down when half its nodes are, or when it runs out of memory, or the model crashes.
      gates.push({ id: `${pool}-capacity-lost`, type: "k-of-n", k: Math.ceil(nodesPerPool / 2), inputs: nodes });
      gates.push({ id: `${pool}-oom`, type: "and", inputs: ["request-surge", `${region}-no-autoscaling`] });
      gates.push({ id: pool, type: "or", inputs: [`${pool}-capacity-lost`, `${pool}-oom`, "bad-model-rollout"] });
    }
    events.add(`${region}-no-autoscaling`).add(`${region}-network`).add(`${region}-power`);
    gates.push({ id: `${region}-pools-down`, type: "k-of-n", k: 2, inputs: pools });
    gates.push({ id: `${region}-down`, type: "or", inputs: [`${region}-pools-down`, `${region}-network`, `${region}-power`] });
  }
  gates.push({ id: "regions-down", type: "k-of-n", k: Math.floor(regionCount / 2) + 1, inputs: regions.map((r) => `${r}-down`) });
  gates.push({ id: "gateway-down", type: "and", inputs: ["gateway-crash", "gateway-bad-config"] });
  gates.push({ id: "providers-down", type: "and", inputs: ["primary-provider-down", "failover-provider-down"] });
  gates.push({ id: "top", type: "or", inputs: ["regions-down", "gateway-down", "providers-down", "dns-outage"] });
  return { title: "LLM platform unavailable", top: "top", gates, events: [...events].map((id) => ({ id })) };
}

function time<T>(label: string, runs: number, fn: () => T): T {
  let result = fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label}: median ${samples[Math.floor(samples.length / 2)]?.toFixed(1)} ms, max ${samples.at(-1)?.toFixed(1)} ms over ${runs} runs`);
  return result;
}

const shapes: [regions: number, pools: number, nodes: number][] = [
  [1, 4, 4],
  [1, 8, 4],
  [1, 8, 8],
  [3, 4, 2],
];
for (const [regions, pools, nodes] of shapes) {
  const tree = llmPlatformTree(regions, pools, nodes);
  const problems = validateFaultTree(tree).filter((p) => p.severity === "error");
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join("\n"));
  const label = `${regions} region(s) × ${pools} pools × ${nodes} nodes: ${tree.gates.length} gates, ${tree.events.length} events`;
  const result = time(label, 5, () => minimalCutSets(tree));
  console.log(result.ok ? `  ${result.cutSets.length} minimal cut sets, largest of order ${Math.max(...result.cutSets.map((c) => c.length))}` : `  refused: ${result.error}`);
}

const exploding: FaultTree = {
  title: "AND of 20 ORs",
  top: "top",
  gates: [{ id: "top", type: "and", inputs: Array.from({ length: 20 }, (_, i) => `g${i}`) }, ...Array.from({ length: 20 }, (_, i) => ({ id: `g${i}`, type: "or" as const, inputs: [`a${i}`, `b${i}`, `c${i}`] }))],
  events: Array.from({ length: 20 }, (_, i) => [`a${i}`, `b${i}`, `c${i}`]).flat().map((id) => ({ id })),
};
const refused = time("exploding tree (3^20 cut sets)", 3, () => minimalCutSets(exploding));
console.log(`  ${refused.ok ? "computed?!" : `refused: ${refused.error}`}`);
