import { mermaidLabel } from "./mermaid-label.js";
import type { RcaState } from "./rca-state.js";

/**
 * Draws the five-whys chain top-down: the problem, each answer in the order given, and
 * the root cause when one is recorded. `problem` is usually the incident's title.
 */
export function renderFiveWhysMermaid(problem: string, state: Pick<RcaState, "whys" | "rootCause">): string {
  const lines = ["flowchart TD", `  problem[${mermaidLabel(problem)}]`];
  let previous = "problem";
  state.whys.forEach((why, i) => {
    lines.push(`  why${i}[${mermaidLabel(`Why ${i + 1}: ${why.text}`)}]`);
    lines.push(`  ${previous} -->|${mermaidLabel("why?")}| why${i}`);
    previous = `why${i}`;
  });
  if (state.rootCause) {
    lines.push(`  root[${mermaidLabel(`Root cause: ${state.rootCause.text}`)}]`);
    lines.push(`  ${previous} ==> root`);
    lines.push("  style root stroke-width:3px");
  }
  return `${lines.join("\n")}\n`;
}
