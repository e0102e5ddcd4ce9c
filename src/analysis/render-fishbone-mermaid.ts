import { mermaidLabel } from "./mermaid-label.js";
import type { RcaState } from "./rca-state.js";

/**
 * Draws a fishbone (Ishikawa) diagram as a left-to-right flowchart, since GitHub's Mermaid
 * has no fishbone type: causes feed their category, categories feed the problem. Only
 * categories with causes are drawn, in the configured order, so an empty bone adds no noise.
 */
export function renderFishboneMermaid(problem: string, state: Pick<RcaState, "causes">, categories: readonly string[]): string {
  const lines = ["flowchart LR", `  problem[${mermaidLabel(problem)}]`];
  const known = categories.map((c) => c.toLowerCase());
  // Causes stored under a category the config no longer lists are still drawn, last.
  const order = [...known, ...new Set(state.causes.map((c) => c.category).filter((c) => !known.includes(c)))];
  order.forEach((category, c) => {
    const causes = state.causes.filter((cause) => cause.category === category);
    if (causes.length === 0) return;
    lines.push(`  cat${c}[${mermaidLabel(category.charAt(0).toUpperCase() + category.slice(1))}]`);
    lines.push(`  cat${c} --> problem`);
    causes.forEach((cause, i) => {
      lines.push(`  cat${c}_${i}(${mermaidLabel(cause.text)})`);
      lines.push(`  cat${c}_${i} --> cat${c}`);
    });
  });
  return `${lines.join("\n")}\n`;
}
