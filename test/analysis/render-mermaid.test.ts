import { describe, expect, it } from "vitest";
import type { FaultTree } from "../../src/analysis/fault-tree-schema.js";
import { mermaidLabel } from "../../src/analysis/mermaid-label.js";
import { minimalCutSets } from "../../src/analysis/minimal-cut-sets.js";
import { emptyRcaState, type RcaState } from "../../src/analysis/rca-state.js";
import { DEFAULT_FISHBONE_CATEGORIES } from "../../src/analysis/rca-state.js";
import { renderFaultTreeMermaid } from "../../src/analysis/render-fault-tree-mermaid.js";
import { renderFishboneMermaid } from "../../src/analysis/render-fishbone-mermaid.js";
import { renderFiveWhysMermaid } from "../../src/analysis/render-five-whys-mermaid.js";
import { assertMermaidParses } from "../support/mermaid.js";
import { HOSTILE_TEXTS } from "./hostile-text.js";

const at = "2026-03-01T10:00:00.000Z";

const llmTree: FaultTree = {
  title: "Service unavailable",
  top: "unavailable",
  gates: [
    { id: "unavailable", type: "or", description: "Service unavailable", inputs: ["gpu-fault", "oom", "network", "replicas"] },
    { id: "oom", type: "and", description: "GPU memory overflow", inputs: ["high-load", "resource-limit"] },
    { id: "replicas", type: "k-of-n", k: 2, inputs: ["gpu-fault", "network", "high-load"] },
  ],
  events: [{ id: "gpu-fault", description: "GPU hardware fault" }, { id: "network", description: "Network outage" }, { id: "high-load" }, { id: "resource-limit" }],
};

function hostileTree(text: string): FaultTree {
  return {
    ...llmTree,
    gates: llmTree.gates.map((gate) => ({ ...gate, description: text })),
    events: llmTree.events.map((event) => ({ ...event, description: text })),
  };
}

function hostileState(text: string): RcaState {
  const entry = { text, author: "octocat", at };
  return { ...emptyRcaState(), whys: [entry, entry], causes: DEFAULT_FISHBONE_CATEGORIES.map((category) => ({ ...entry, category })), rootCause: entry };
}

describe("mermaidLabel", () => {
  it.each([
    ["plain text", "GPU OOM", '"GPU OOM"'],
    ["quotes and brackets", 'say "hi" [now]', '"say #quot;hi#quot; #91;now#93;"'],
    ["HTML", "<b>&</b>", '"#lt;b#gt;#amp;#lt;/b#gt;"'],
    ["a hash that looks like an entity", "#quot;", '"#35;quot#59;"'],
    ["newlines", "a\nb\r\nc", '"a b c"'],
    ["empty", "", '" "'],
    ["too long", "x".repeat(100), `"${"x".repeat(79)}…"`],
  ])("%s", (_name, input, expected) => {
    expect(mermaidLabel(input)).toBe(expected);
  });

  it.each(HOSTILE_TEXTS.map((text) => [JSON.stringify(text).slice(0, 40), text]))("%s never leaves a quote, newline or raw markup", (_name, text) => {
    const label = mermaidLabel(text);
    expect(label.slice(1, -1)).not.toMatch(/["\n\r<>`|[\]{}()]/);
  });
});

describe("Mermaid diagrams parse with Mermaid's own parser", () => {
  it("fault tree with its cut sets", async () => {
    const cutSets = minimalCutSets(llmTree);
    expect(cutSets.ok).toBe(true);
    const source = renderFaultTreeMermaid(llmTree, cutSets.ok ? cutSets.cutSets : []);
    await assertMermaidParses(source);
    expect(source).toContain('{{"OR"}}');
    expect(source).toContain('{{"AND"}}');
    expect(source).toContain('{{"2 of 3"}}');
    expect(source).toContain('"Minimal cut sets #40;3#41;"');
    expect(source).toContain('"3. high-load + resource-limit"');
  });

  it("fault tree without cut sets, and with none possible", async () => {
    await assertMermaidParses(renderFaultTreeMermaid(llmTree));
    await assertMermaidParses(renderFaultTreeMermaid(llmTree, []));
  });

  it("counts the cut sets it does not list", async () => {
    const many = Array.from({ length: 25 }, (_, i) => [`e${i}`]);
    const source = renderFaultTreeMermaid(llmTree, many);
    await assertMermaidParses(source);
    expect(source).toContain('"… and 5 more"');
  });

  it("five whys, realistic chain", async () => {
    const texts = ["GPU out of memory on all inference pods", "Requests rose 300% in ten minutes", "A marketing campaign launched without notice"];
    const state = { whys: texts.map((text) => ({ text, author: "octocat", at })), rootCause: { text: "No capacity planning or autoscaling", author: "octocat", at } };
    const source = renderFiveWhysMermaid("Inference service down", state);
    await assertMermaidParses(source);
    expect(source).toContain('"Why 3: A marketing campaign launched without notice"');
    expect(source).toContain('"Root cause: No capacity planning or autoscaling"');
  });

  it("five whys and fishbone when nothing is recorded yet", async () => {
    await assertMermaidParses(renderFiveWhysMermaid("Down", emptyRcaState()));
    await assertMermaidParses(renderFishboneMermaid("Down", emptyRcaState(), DEFAULT_FISHBONE_CATEGORIES));
  });

  it("fishbone draws only categories with causes, including ones no longer configured", async () => {
    const state = { causes: [{ text: "No autoscaling", category: "technology", author: "a", at }, { text: "Old bone", category: "legacy", author: "a", at }] };
    const source = renderFishboneMermaid("Down", state, DEFAULT_FISHBONE_CATEGORIES);
    await assertMermaidParses(source);
    expect(source).toContain('"Technology"');
    expect(source).toContain('"Legacy"');
    expect(source).not.toContain('"People"');
  });

  describe.each(HOSTILE_TEXTS.map((text) => [JSON.stringify(text).slice(0, 40), text]))("hostile text %s", (_name, text) => {
    it("fault tree parses and draws one node per gate, event and cut set", async () => {
      const cutSets = minimalCutSets(llmTree);
      const source = renderFaultTreeMermaid(hostileTree(text), cutSets.ok ? cutSets.cutSets : []);
      await assertMermaidParses(source);
      expect(source.split("\n")).toHaveLength(renderFaultTreeMermaid(llmTree, cutSets.ok ? cutSets.cutSets : []).split("\n").length);
      // Nothing the user typed becomes a statement of its own (click handlers, directives).
      expect(source).not.toMatch(/^\s*(click|classDef|%%)|<script/m);
    });
    it("five whys parses", async () => {
      await assertMermaidParses(renderFiveWhysMermaid(text, hostileState(text)));
    });
    it("fishbone parses, with hostile category names too", async () => {
      await assertMermaidParses(renderFishboneMermaid(text, hostileState(text), DEFAULT_FISHBONE_CATEGORIES));
      const odd = { causes: [{ text, category: text.toLowerCase() || "x", author: "a", at }] };
      await assertMermaidParses(renderFishboneMermaid(text, odd, [text]));
    });
  });
});
