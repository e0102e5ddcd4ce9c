import { slugify } from "../markdown/slugify.js";
import type { Runbook, RunbookFields } from "./schema.js";

/** What a runbook id looks like: also a part of execution ids, workflow-run titles and branch names. */
export const RUNBOOK_ID = /^[a-z0-9][a-z0-9-]{0,59}$/;

/**
 * A runbook's id, from its file's base name as GitHub Actions names workflows:
 * `db-failover.yml` is `db-failover`; another base name is slugged (`DB_Failover.yaml` is
 * `db-failover`); undefined when nothing usable is left (`🔥.yml`).
 */
export function runbookIdOf(path: string): string | undefined {
  const stem = (path.split("/").pop() ?? path).replace(/\.ya?ml$/i, "");
  if (RUNBOOK_ID.test(stem)) return stem;
  if (!/[a-z0-9]/i.test(stem.normalize("NFKD"))) return undefined;
  return slugify(stem, { maxLength: 60 });
}

/**
 * The runbook the app works with: `name` becomes its id (the file's base name), what the
 * file's `name:` says is kept as `title`, shown to people; a slug `name:` other than the id
 * (written before ids came from file names) stays usable as `alias`.
 */
export function identifyRunbook(fields: RunbookFields, id: string): Runbook {
  const { name, ...rest } = fields;
  const title = name?.trim();
  return {
    ...rest,
    name: id,
    ...(title && title !== id ? { title } : {}),
    ...(title && title !== id && RUNBOOK_ID.test(title) ? { alias: title } : {}),
  };
}

/** Whether a runbook answers to `key`: its id, or the old slug name it still accepts. */
export function isKnownAs(runbook: Pick<Runbook, "name" | "alias">, key: string): boolean {
  return runbook.name === key || runbook.alias === key;
}

/** The name people see: the file's `name:` when it has one, else the id. */
export function runbookTitle(runbook: Pick<Runbook, "name" | "title">): string {
  return runbook.title ?? runbook.name;
}
