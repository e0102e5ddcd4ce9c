import { safeText } from "../markdown/safe-text.js";
import type { IncidentState } from "./incident-state.js";

const SHOWN = 5;

/** The card's compact "Root cause analysis" section; empty when nothing was recorded. */
export function renderRcaSection(state: IncidentState): string[] {
  const rca = state.rca;
  const trees = state.reports?.faultTrees ?? [];
  if (!rca && trees.length === 0) return [];
  const lines: string[] = [];
  const by = (e: { author: string }) => ` — ${safeText(e.author)}`;
  if (rca?.trigger) lines.push(`**Trigger:** ${safeText(rca.trigger.text)}${by(rca.trigger)}`, "");
  if (rca?.rootCause)
    lines.push(`**Root cause:** ${safeText(rca.rootCause.text)}${by(rca.rootCause)}`, "");
  if (rca && rca.whys.length > 0) {
    const skipped = Math.max(0, rca.whys.length - SHOWN);
    if (skipped > 0) lines.push(`_…${skipped} earlier whys_`);
    rca.whys
      .slice(skipped)
      .forEach((w, i) => lines.push(`${skipped + i + 1}. Why? ${safeText(w.text)}${by(w)}`));
    lines.push("");
  }
  const causes = rca?.causes ?? [];
  if (causes.length > 0) {
    lines.push(
      `- Causes: ${causes
        .slice(-SHOWN)
        .map((c) => `\`${c.category}\` ${safeText(c.text)}`)
        .join("; ")}${causes.length > SHOWN ? ` (+${causes.length - SHOWN} more)` : ""}`,
    );
  }
  if (rca && rca.factors.length > 0)
    lines.push(
      `- Contributing factors: ${rca.factors
        .slice(-SHOWN)
        .map((f) => safeText(f.text))
        .join("; ")}`,
    );
  if (rca && rca.lessons.length > 0) {
    const count = (k: string) => rca.lessons.filter((l) => l.kind === k).length;
    lines.push(
      `- Lessons: ${count("went-well")} went well, ${count("went-wrong")} went wrong, ${count("lucky")} lucky`,
    );
  }
  if (trees.length > 0)
    lines.push(`- Fault trees: ${trees.map((t) => `\`${t.name}\``).join(", ")}`);
  if (lines.length === 0) return [];
  while (lines.at(-1) === "") lines.pop();
  return ["", "### Root cause analysis", "", ...lines];
}
