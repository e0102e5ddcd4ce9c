import { commitFiles, headOf } from "./state/git-objects.js";
import { createPull } from "./state/pull-mutations.js";
import type { GitHubState } from "./state/github-state.js";
import type { PullRequest, Repository } from "./state/model.js";
import type { WebhookIntent } from "./state/mutation-context.js";
import type { CheckRun, WorkflowDispatch, WorkflowRun } from "./state/runbook-model.js";
import { runbookData } from "./state/runbook-repository-data.js";
import { completeWorkflowRun, workflowId } from "./state/workflow-mutations.js";

/** File changes in a push: new content, or `null` to delete. */
export type FileChanges = Record<string, string | null>;

/** A workflow run by id, or the first not-yet-completed run whose title or inputs match. */
export type RunMatch = number | string | RegExp | ((run: WorkflowRun) => boolean);

/** Test-side actions and inspections for workflows, check runs and runbook pull requests. */
export interface RunbookActions {
  dispatches(): readonly WorkflowDispatch[];
  workflowRuns(): readonly WorkflowRun[];
  /** Completes the matching run with `conclusion` and sends `workflow_run.completed`. @returns the run */
  completeWorkflowRun(
    match: RunMatch,
    conclusion: "success" | "failure" | "cancelled" | "timed_out",
  ): WorkflowRun;
  /**
   * A run the app did not dispatch (CI on a pull request, a person's manual run): queued with
   * this title, event and actor, to be completed with `completeWorkflowRun`. @returns the run
   */
  startRun(input: { login: string; path: string; title: string; event: string }): WorkflowRun;
  checkRuns(): readonly CheckRun[];
  /** A person pushes `changes` to a new branch and opens a pull request (`pull_request.opened`). @returns its number */
  openPullRequest(
    login: string,
    input: { title: string; head: string; changes: FileChanges },
  ): number;
  /** A person pushes more changes to the pull request (`pull_request.synchronize`). */
  pushToPullRequest(login: string, number: number, changes: FileChanges): void;
  /** The pull request's head commit sha. */
  headSha(number: number): string;
}

export function runbookActions(
  state: GitHubState,
  repo: Repository,
  emit: (intent: WebhookIntent) => void,
): RunbookActions {
  const person = (login: string) => ({
    name: login,
    email: `${login}@users.noreply.github.com`,
    date: state.clock.iso(),
  });
  const pullOf = (number: number): PullRequest => {
    const pull = repo.pulls?.get(number);
    if (!pull) throw new Error(`no pull request #${number}`);
    return pull;
  };
  return {
    dispatches: () => runbookData(repo).dispatches,
    workflowRuns: () => runbookData(repo).workflowRuns,
    startRun({ login, path, title, event }) {
      const data = runbookData(repo);
      const now = state.clock.iso();
      const run: WorkflowRun = {
        id: state.nextId(),
        workflowId: workflowId(path),
        path,
        name: title,
        displayTitle: title,
        headBranch: repo.defaultBranch,
        headSha: headOf(repo, repo.defaultBranch, now),
        runNumber: data.workflowRuns.filter((r) => r.path === path).length + 1,
        status: "in_progress",
        conclusion: null,
        inputs: {},
        actor: state.ensureUser(login),
        event,
        createdAt: now,
        updatedAt: now,
      };
      data.workflowRuns.push(run);
      return run;
    },
    completeWorkflowRun(match, conclusion) {
      const open = runbookData(repo).workflowRuns.filter((r) => r.status !== "completed");
      const test =
        typeof match === "number"
          ? (r: WorkflowRun) => r.id === match
          : typeof match === "function"
            ? match
            : (r: WorkflowRun) =>
                [r.displayTitle, ...Object.values(r.inputs)].some((t) =>
                  typeof match === "string" ? t.includes(match) : match.test(t),
                );
      const run = open.find(test);
      if (!run)
        throw new Error(
          `completeWorkflowRun: no open run matches ${String(match)}; open: ${open.map((r) => r.displayTitle).join(" | ") || "none"}`,
        );
      completeWorkflowRun({ state, emit }, repo, run, conclusion);
      return run;
    },
    checkRuns: () => runbookData(repo).checkRuns,
    openPullRequest(login, input) {
      const actor = state.ensureUser(login);
      const base = headOf(repo, repo.defaultBranch, state.clock.iso());
      repo.branches.set(input.head, new Map(repo.branches.get(repo.defaultBranch)));
      repo.git?.heads.set(input.head, base);
      commitFiles(
        repo,
        input.head,
        new Map(Object.entries(input.changes)),
        `${input.title}\n`,
        person(login),
      );
      return createPull({ state, actor, emit }, repo, {
        title: input.title,
        head: input.head,
        base: repo.defaultBranch,
      }).number;
    },
    pushToPullRequest(login, number, changes) {
      const pull = pullOf(number);
      commitFiles(repo, pull.headRef, new Map(Object.entries(changes)), "Update\n", person(login));
      pull.updatedAt = state.clock.iso();
      emit({
        event: "pull_request",
        action: "synchronize",
        repo,
        pull,
        sender: state.ensureUser(login),
      });
    },
    headSha: (number) => headOf(repo, pullOf(number).headRef, state.clock.iso()),
  };
}
