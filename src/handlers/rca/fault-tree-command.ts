import { minimalCutSets } from "../../analysis/minimal-cut-sets.js";
import { parseFaultTree } from "../../analysis/parse-fault-tree.js";
import type { FaultTreeArgs } from "../../commands/parse/args/fault-tree.js";
import { readRepositoryFile } from "../../github/read-repository-file.js";
import { safeText } from "../../markdown/safe-text.js";
import { reportsOf, withReports } from "../../reports/data/report-state.js";
import type { EventScope } from "../event-scope.js";
import type { OperationResult } from "./update-rca.js";

const MAX_ATTACHED = 20;

/**
 * `/fault-tree <name>`: attaches `.github/fault-trees/<name>.yml` (read at the default
 * branch and validated now, so a broken file is reported at its line) to the incident;
 * the postmortem draws it with its minimal cut sets. Replies with the cut sets.
 */
export async function faultTreeCommand(
  scope: EventScope,
  issue: number,
  args: FaultTreeArgs,
  actor: string,
  at: string,
): Promise<OperationResult> {
  const path = `.github/fault-trees/${args.name}.yml`;
  const source = await readRepositoryFile(scope.octokit, scope.repo, path);
  if (source === undefined)
    return { ok: false, reply: `There is no \`${path}\` on the default branch.` };
  const parsed = parseFaultTree(source);
  if (!parsed.ok) {
    const lines = parsed.errors
      .slice(0, 10)
      .map((e) => `- \`${path}\` line ${e.line}, column ${e.column}: ${safeText(e.message)}`);
    return { ok: false, reply: [`\`${path}\` is not a valid fault tree:`, ...lines].join("\n") };
  }
  const loaded = await scope.incident(issue);
  if (!loaded.state) return { ok: false, reply: "This issue is not a declared incident." };
  const reports = reportsOf(loaded.state);
  const cuts = minimalCutSets(parsed.tree);
  const label = new Map(
    [...parsed.tree.gates, ...parsed.tree.events].map(
      (x) => [x.id, x.description ?? x.id] as const,
    ),
  );
  const summary = cuts.ok
    ? `Attached \`${args.name}\` (${safeText(parsed.tree.title)}): ${cuts.cutSets.length} minimal cut set${cuts.cutSets.length === 1 ? "" : "s"}${cuts.cutSets.length > 0 ? ": " : "."}${cuts.cutSets
        .slice(0, 10)
        .map((set) => `{${set.map((id) => safeText(label.get(id) ?? id)).join(", ")}}`)
        .join(", ")}`
    : `Attached \`${args.name}\`, but its minimal cut sets could not be computed: ${safeText(cuts.error)}`;
  if (reports.faultTrees.some((f) => f.name === args.name)) return { ok: true, reply: summary };
  if (reports.faultTrees.length >= MAX_ATTACHED)
    return { ok: false, reply: `An incident can have at most ${MAX_ATTACHED} fault trees.` };
  scope.recordState(
    issue,
    withReports(loaded.state, {
      ...reports,
      faultTrees: [...reports.faultTrees, { name: args.name, by: actor, at }],
    }),
  );
  return { ok: true, reply: summary };
}
