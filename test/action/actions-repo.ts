import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAction, type ActionOutcome } from "../../src/actions-mode/run-action.js";
import { WEBHOOK_SECRET } from "../support/app-credentials.js";
import { GitHubStandIn } from "../support/github/github-stand-in.js";
import { createVirtualClock, type VirtualClock } from "../support/github/state/virtual-clock.js";
import { DEFAULT_REPO } from "../support/harness.js";
import { testOctokit } from "../support/octokit-plugins.js";
import { rsaKeyPair } from "../support/rsa-key-pair.js";

/** An event as GitHub Actions hands it to a workflow run: its name and the payload file's content. */
export interface WorkflowEvent {
  name: string;
  payload: Record<string, unknown>;
}

/**
 * The stand-in with acme/ops and no app server: in Actions mode GitHub starts a workflow run
 * per event instead of POSTing a webhook, so tests take the queued events
 * (`gh.takeWorkflowEvents()`) and run the action for the ones they choose.
 */
export interface ActionsRepo {
  gh: GitHubStandIn;
  /** A folder for event files, removed by stop(). */
  dir: string;
  /** Writes the event file and returns the environment GitHub Actions gives the step. */
  envFor(event: WorkflowEvent, runId: number): Record<string, string>;
  /** Runs the action in this process (Octokit's plugins off), on the stand-in's virtual clock. */
  run(event: WorkflowEvent, runId?: number): Promise<ActionOutcome>;
  stop(): Promise<void>;
}

/** `clock`: virtual by default; a wall clock for `node lib/action.js`, which runs on real time. */
export async function startActionsRepo(files: Record<string, string> = {}, clock: VirtualClock = createVirtualClock()): Promise<ActionsRepo> {
  const gh = await GitHubStandIn.start({
    appPublicKey: rsaKeyPair().publicKey,
    webhookSecret: WEBHOOK_SECRET,
    clock,
  });
  gh.addRepository({ ...DEFAULT_REPO, files, collaborators: { alice: "triage" } });
  const dir = mkdtempSync(join(tmpdir(), "firewatch-action-"));
  let runs = 0;
  const envFor = (event: WorkflowEvent, runId: number) => {
    const path = join(dir, `event-${runId}.json`);
    // A workflow's event payload is the webhook's, without the app installation's id.
    const { installation: _installation, ...payload } = event.payload;
    writeFileSync(path, JSON.stringify(payload));
    return {
      GITHUB_TOKEN: gh.workflowToken(),
      GITHUB_EVENT_NAME: event.name,
      GITHUB_EVENT_PATH: path,
      GITHUB_API_URL: gh.urls.api,
      GITHUB_REPOSITORY: `${DEFAULT_REPO.owner}/${DEFAULT_REPO.name}`,
      GITHUB_RUN_ID: String(runId),
      GITHUB_RUN_ATTEMPT: "1",
      LOG_LEVEL: "warn",
    };
  };
  return {
    gh,
    dir,
    envFor,
    run: (event, runId = ++runs) =>
      runAction(envFor(event, runId), {
        now: () => gh.clock.now(),
        sleep: async (ms) => {
          gh.clock.advance(ms);
        },
        Octokit: testOctokit("off", []),
      }),
    async stop() {
      await gh.stop();
      rmSync(dir, { recursive: true, force: true });
      gh.assertClean();
    },
  };
}
