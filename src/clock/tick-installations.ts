import type { Probot, ProbotOctokit } from "probot";
import type { Runtime } from "../app/pipeline.js";
import { withRepository } from "../app/repository-work.js";
import { tickIncidents, withRunningExecutions } from "../handlers/runbooks/tick-incidents.js";
import { findIncidentsToTick } from "./find-incidents-to-tick.js";

/** What one tick did, for its log line and tests. */
export interface TickSummary {
  installations: number;
  /** Search requests made: one per installation at most. */
  searches: number;
  /** Open incidents found by the searches. */
  found: number;
  /** Incidents with running executions that were ticked without an error. */
  ticked: number;
  /** Installations or repositories whose tick failed (logged; the others went on). */
  failures: number;
}

/**
 * One tick of the built-in clock: lists the app's installations (one request with the app's
 * JWT per 100 of them), makes ONE search per installation for its open incidents, and in each
 * repository ticks the incidents that have running executions — through `withRepository`,
 * so each repository's work has the same config cache, conditional reads and per-incident
 * locks as a webhook delivery. A failing installation or repository does not stop the rest.
 */
export async function tickInstallations(
  app: Probot,
  runtime: Runtime,
  options: { at: Date; incidentLabel: string },
): Promise<TickSummary> {
  const summary: TickSummary = { installations: 0, searches: 0, found: 0, ticked: 0, failures: 0 };
  const origin = { id: `tick-${options.at.toISOString()}`, name: "tick" };
  const jwt = (await app.auth()) as ProbotOctokit;
  const installations = await jwt.paginate(jwt.rest.apps.listInstallations, { per_page: 100 });
  for (const installation of installations) {
    if (installation.suspended_at || !installation.account) continue;
    summary.installations++;
    const account = installation.account as { login?: string; slug?: string; type?: string };
    const login = account.login ?? account.slug ?? "";
    try {
      const octokit = (await app.auth(installation.id)) as ProbotOctokit;
      summary.searches++;
      const repositories = await findIncidentsToTick(
        octokit,
        { login, ...(account.type ? { type: account.type } : {}) },
        options.incidentLabel,
      );
      for (const { owner, repo, issues } of repositories) {
        summary.found += issues.length;
        try {
          summary.ticked += await withRepository(
            app,
            runtime,
            { owner, repo, installationId: installation.id },
            origin,
            async (scope) => tickIncidents(scope, await withRunningExecutions(scope, issues), "firewatch"),
          );
        } catch (error) {
          summary.failures++;
          app.log.error({ err: error, delivery: origin.id, repository: `${owner}/${repo}` }, "the clock could not tick a repository");
        }
      }
    } catch (error) {
      summary.failures++;
      app.log.error({ err: error, delivery: origin.id, installation: installation.id }, "the clock could not search an installation");
    }
  }
  return summary;
}
