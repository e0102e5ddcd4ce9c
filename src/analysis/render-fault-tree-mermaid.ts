import type { FaultTree } from "./fault-tree-schema.js";
import { mermaidLabel } from "./mermaid-label.js";

/** Listing more cut sets than this helps no reader; the rest are counted instead. */
export const MERMAID_MAX_CUT_SETS_SHOWN = 20;

/**
 * Draws a fault tree as a Mermaid flowchart: each gate's output event as a box, the gate
 * itself as a hexagon (OR / AND / k of n) below it, basic events as stadiums, and, when
 * given, the minimal cut sets in a side panel. Node ids are generated (n0, n1, …), never
 * taken from the file, so no id can collide with Mermaid keywords such as `end`.
 */
export function renderFaultTreeMermaid(tree: FaultTree, cutSets?: readonly (readonly string[])[]): string {
  const nodeId = new Map<string, string>();
  [...tree.gates, ...tree.events].forEach((item, i) => nodeId.set(item.id, `n${i}`));
  const descriptionOf = new Map([...tree.gates, ...tree.events].map((item) => [item.id, item.description ?? item.id] as const));

  const lines = ["flowchart TD"];
  for (const gate of tree.gates) {
    const id = nodeId.get(gate.id) ?? "";
    const symbol = gate.type === "or" ? "OR" : gate.type === "and" ? "AND" : `${gate.k ?? "?"} of ${gate.inputs.length}`;
    lines.push(`  ${id}[${mermaidLabel(gate.description ?? gate.id)}]`);
    lines.push(`  ${id}_gate{{${mermaidLabel(symbol)}}}`);
    lines.push(`  ${id} --- ${id}_gate`);
    for (const input of gate.inputs) {
      const target = nodeId.get(input);
      if (target) lines.push(`  ${id}_gate --> ${target}`);
    }
  }
  tree.events.forEach((event) => lines.push(`  ${nodeId.get(event.id) ?? ""}([${mermaidLabel(event.description ?? event.id)}])`));

  if (cutSets) {
    lines.push(`  subgraph cutsets[${mermaidLabel(`Minimal cut sets (${cutSets.length})`)}]`);
    lines.push("    direction TB");
    cutSets.slice(0, MERMAID_MAX_CUT_SETS_SHOWN).forEach((cutSet, i) => {
      const text = `${i + 1}. ${cutSet.map((id) => descriptionOf.get(id) ?? id).join(" + ")}`;
      lines.push(`    cut${i}[${mermaidLabel(text, 160)}]`);
    });
    if (cutSets.length > MERMAID_MAX_CUT_SETS_SHOWN) {
      lines.push(`    cutmore[${mermaidLabel(`… and ${cutSets.length - MERMAID_MAX_CUT_SETS_SHOWN} more`)}]`);
    }
    if (cutSets.length === 0) lines.push(`    cutnone[${mermaidLabel("none: the top event cannot happen")}]`);
    lines.push("  end");
  }
  const top = nodeId.get(tree.top);
  if (top) lines.push(`  style ${top} stroke-width:3px`);
  return `${lines.join("\n")}\n`;
}
