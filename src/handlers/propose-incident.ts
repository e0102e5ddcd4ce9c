import { permissionAtLeast } from "../config/permission-at-least.js";
import { getPermission } from "../github/get-permission.js";
import { declareIncident } from "./declare-incident.js";
import type { EventScope } from "./event-scope.js";

/** Associations that say the person is no collaborator of the repository: no request needed. */
const OUTSIDERS = new Set(["NONE", "FIRST_TIMER", "FIRST_TIME_CONTRIBUTOR", "CONTRIBUTOR", "MANNEQUIN"]);

/**
 * Whether `login` may declare an incident (`permissions.declare`). The payload settles it
 * without a request when it can: the author's `author_association` (owner: admin; no
 * collaborator: no role), or a label that someone other than the author added (GitHub lets
 * only triage and above add labels). Otherwise the repository role is read (a 304 when
 * unchanged). The author of an issue opened from the form did not choose its labels: the
 * form did, so their role is what counts.
 */
export async function mayDeclare(
  scope: EventScope,
  login: string,
  author: { login: string; association?: string },
  how: "label" | "form",
): Promise<boolean> {
  const minimum = scope.config.permissions.declare;
  const association = author.login === login ? author.association : undefined;
  if (association && OUTSIDERS.has(association)) return false;
  if (how === "label" && author.login !== login && permissionAtLeast("triage", minimum)) return true;
  const role = await getPermission(scope.octokit, scope.repo, login, association);
  return permissionAtLeast(role, minimum);
}

/**
 * Someone below `permissions.declare` opened an incident: it becomes a proposal. Nobody is
 * paged or assigned, no runbook starts, it is not counted in metrics (it has no `incident`
 * label), and its author is told what happens next.
 */
export async function proposeIncident(scope: EventScope, issue: number, author: string): Promise<void> {
  const { names, config } = scope;
  const loaded = await scope.incident(issue);
  const remove = loaded.issue.labels.includes(names.incident) ? [names.incident] : [];
  const add = loaded.issue.labels.includes(config.labels.proposed) ? [] : [config.labels.proposed];
  await scope.apply([
    ...(add.length > 0 || remove.length > 0
      ? [{ kind: "setLabels" as const, issue, add, remove }]
      : []),
    {
      kind: "createComment",
      issue,
      key: `proposed-${issue}`,
      body: [
        `@${author} Thank you: this is now a **proposed incident** (\`${config.labels.proposed}\`).`,
        `Declaring an incident brings in the on-call people, so it takes at least the **${config.permissions.declare}** role in this repository.`,
        `Someone who has it will confirm it by adding the \`${names.incident}\` label or commenting \`/declare\`; until then nobody is paged.`,
      ].join(" "),
    },
  ]);
}

/** `/declare`, or the `incident` label added by someone with the role: the proposal becomes an incident. */
export async function confirmIncident(
  scope: EventScope,
  issue: number,
  by: string,
  at?: string,
): Promise<void> {
  const { names, config } = scope;
  const loaded = await scope.incident(issue);
  const add = loaded.issue.labels.includes(names.incident) ? [] : [names.incident];
  const remove = loaded.issue.labels.includes(config.labels.proposed) ? [config.labels.proposed] : [];
  if (add.length > 0 || remove.length > 0)
    await scope.apply([{ kind: "setLabels", issue, add, remove }]);
  await declareIncident(scope, issue, by, at);
}
