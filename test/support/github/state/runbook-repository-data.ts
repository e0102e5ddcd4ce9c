import type { Repository } from "./model.js";
import type { RunbookRepositoryData } from "./runbook-model.js";

/** The repository's workflow dispatches, workflow runs and check runs, created on first use. */
export function runbookData(repo: Repository): RunbookRepositoryData {
  repo.runbookData ??= { dispatches: [], workflowRuns: [], checkRuns: [] };
  return repo.runbookData;
}
