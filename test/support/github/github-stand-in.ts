import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { FailureLog } from "./failure-log.js";
import { WORKFLOW_BOT } from "./http/authenticate.js";
import { defaultHandlers } from "./handlers/default-handlers.js";
import type { HandlerRegistry } from "./handlers/operation-handler.js";
import { handleApiRequest, API_PREFIX, type RequestRecord } from "./http/api-request-handler.js";
import { FaultInjector, type FaultSpec } from "./http/fault-injection.js";
import { RequestHolds, type HeldRequest, type HoldSpec } from "./http/request-holds.js";
import { issueView, type IssueView } from "./issue-view.js";
import type { BaseUrls } from "./shapes/base-urls.js";
import { GitHubState, type RepositorySeed } from "./state/github-state.js";
import type { PullRequest, Repository } from "./state/model.js";
import { pullOf, pullsOf, teamsOf } from "./state/pull-mutations.js";
import type { WebhookIntent } from "./state/mutation-context.js";
import { createVirtualClock, type VirtualClock } from "./state/virtual-clock.js";
import { userActions, type UserActions } from "./user-actions.js";
import { runbookActions, type RunbookActions, type RunMatch } from "./runbook-actions.js";
import type { CheckRun, WorkflowRun } from "./state/runbook-model.js";
import { buildPayload } from "./webhooks/build-payload.js";
import { WebhookQueue, type DeliveryRecord, type InFlightDelivery, type SettleOptions } from "./webhooks/webhook-queue.js";
import type { TargetChoice } from "./webhooks/webhook-targets.js";

export interface StandInOptions {
  /** The app's public key (PEM): installation tokens are only issued for JWTs it verifies. */
  appPublicKey: string;
  webhookSecret: string;
  appId?: number;
  appSlug?: string;
  installationId?: number;
  clock?: VirtualClock;
  /** Extra or replacement operation handlers, by operationId. */
  handlers?: HandlerRegistry;
  deliverTwice?: boolean;
  /** A settle() that delivers more webhooks than this fails as a loop (default 200). */
  maxDeliveries?: number;
}

/** A stateful fake of GitHub's REST API and webhooks, over real HTTP on 127.0.0.1. */
export class GitHubStandIn {
  readonly clock: VirtualClock;
  readonly state: GitHubState;
  readonly failures = new FailureLog();
  readonly requests: RequestRecord[] = [];
  readonly handlers: HandlerRegistry;
  private readonly faults = new FaultInjector();
  private readonly holds = new RequestHolds();
  private readonly webhooks: WebhookQueue;
  private server: Server | undefined;
  private baseUrls: BaseUrls | undefined;

  private constructor(readonly options: StandInOptions) {
    this.clock = options.clock ?? createVirtualClock();
    const slug = options.appSlug ?? "firewatch";
    this.state = new GitHubState(this.clock, {
      id: options.appId ?? 4242,
      slug,
      name: "Firewatch",
      installationId: options.installationId ?? 777,
      publicKey: options.appPublicKey,
      bot: { id: 4_242_000, login: `${slug}[bot]`, type: "Bot" },
    });
    this.handlers = { ...defaultHandlers, ...options.handlers };
    this.webhooks = new WebhookQueue({ secret: options.webhookSecret, failures: this.failures, maxDeliveries: options.maxDeliveries });
    this.webhooks.deliverTwice = options.deliverTwice ?? false;
  }

  /** Starts the server on a free port of 127.0.0.1. */
  static async start(options: StandInOptions): Promise<GitHubStandIn> {
    const standIn = new GitHubStandIn(options);
    await standIn.listen();
    return standIn;
  }

  private async listen(): Promise<void> {
    const server = createServer((req, res) => {
      const deps = {
        state: this.state,
        urls: this.urls,
        handlers: this.handlers,
        failures: this.failures,
        faults: this.faults,
        holds: this.holds,
        requests: this.requests,
        emit: this.emit,
      };
      handleApiRequest(deps, req, res).catch((error: unknown) => {
        this.failures.add(`stand-in crashed on ${req.method} ${req.url}: ${error instanceof Error ? error.stack : String(error)}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    this.server = server;
    this.baseUrls = { web: `http://127.0.0.1:${port}`, api: `http://127.0.0.1:${port}${API_PREFIX}` };
  }

  get urls(): BaseUrls {
    if (!this.baseUrls) throw new Error("stand-in is not listening");
    return this.baseUrls;
  }

  /** `127.0.0.1:<port>`, for Probot's GHE_HOST. */
  get host(): string {
    return new URL(this.urls.web).host;
  }

  /** Queues the webhook GitHub would send for a change (bound: handed to mutations). */
  private readonly emit = (intent: WebhookIntent): void => {
    this.webhooks.enqueue(intent.event, intent.action ?? "", buildPayload(this.state, this.urls, intent));
  };

  addRepository(seed: RepositorySeed): Repository {
    return this.state.addRepository(seed);
  }

  /** The repository actions and inspections default to: the first one added. */
  get repo(): Repository {
    const repo = this.state.allRepositories()[0];
    if (!repo) throw new Error("stand-in has no repository; call addRepository first");
    return repo;
  }

  /** Act as a person on github.com (the user is created on first use). */
  as(login: string, repo: Repository = this.repo): UserActions {
    return userActions(this.state, repo, login, this.emit);
  }

  /** Workflow dispatches and runs, check runs and runbook pull requests (runbook-actions.ts). */
  runbooks(repo: Repository = this.repo): RunbookActions {
    return runbookActions(this.state, repo, this.emit);
  }

  /** Completes a workflow run (by id, or by its title or inputs) and sends `workflow_run.completed`. */
  completeWorkflowRun(match: RunMatch, conclusion: "success" | "failure" | "cancelled" | "timed_out"): WorkflowRun {
    return this.runbooks().completeWorkflowRun(match, conclusion);
  }

  checkRuns(): readonly CheckRun[] {
    return this.runbooks().checkRuns();
  }

  issue(number: number, repo: Repository = this.repo): IssueView {
    return issueView(repo, this.state.issue(repo, number));
  }

  /** A file's content on a branch, or undefined when the branch or file does not exist. */
  fileOn(branch: string, path: string, repo: Repository = this.repo): string | undefined {
    return repo.branches.get(branch)?.get(path);
  }

  /** A pull request as it is now (for assertions). */
  pull(number: number, repo: Repository = this.repo): PullRequest {
    return pullOf(repo, number);
  }

  pulls(repo: Repository = this.repo): PullRequest[] {
    return [...pullsOf(repo).values()];
  }

  /** Makes a team (`org/slug`) one that reviews can be requested from in the repository. */
  addTeam(fullSlug: string, repo: Repository = this.repo): void {
    teamsOf(repo).set(fullSlug.replace(/^@/, "").toLowerCase(), { id: this.state.nextId(), fullSlug: fullSlug.replace(/^@/, "") });
  }

  /** An installation token, for tests that call the API directly (the app gets its own via JWT). */
  installationToken(): string {
    const token = `ghs_test_${this.state.installationTokens.size + 1}`;
    this.state.installationTokens.add(token);
    return token;
  }

  failNext(spec: FaultSpec): void {
    this.faults.add(spec);
  }

  /** Keeps the next request for an operation open until released (a route string is `{ route }`). */
  holdNext(spec: HoldSpec | string): HeldRequest {
    return this.holds.add(typeof spec === "string" ? { route: spec } : spec);
  }

  /** Where webhooks go; several URLs (replicas) share them round-robin. */
  set webhookTarget(urls: string | readonly string[] | undefined) {
    this.webhooks.targets.set(urls);
  }

  /** Several targets, each POST picking one round-robin or at random (seeded). */
  setWebhookTargets(urls: readonly string[], choice?: TargetChoice): void {
    this.webhooks.targets.set(urls, choice);
  }

  get webhookTargets(): readonly string[] {
    return this.webhooks.targets.all;
  }

  get deliverTwice(): boolean {
    return this.webhooks.deliverTwice;
  }

  set deliverTwice(value: boolean) {
    this.webhooks.deliverTwice = value;
  }

  get deliveries(): readonly DeliveryRecord[] {
    return this.webhooks.deliveries;
  }

  /** Webhook POSTs sent and not answered yet (with their target: which replica is busy). */
  get deliveriesInFlight(): InFlightDelivery[] {
    return [...this.webhooks.inFlight];
  }

  /**
   * Takes the queued events instead of delivering them, as GitHub Actions would start a
   * workflow run for each (Actions mode): oldest first. Events caused by a GITHUB_TOKEN are
   * dropped, since GitHub starts no workflow for them.
   */
  takeWorkflowEvents(): { id: string; name: string; payload: Record<string, unknown> }[] {
    return this.webhooks
      .take()
      .filter((w) => (w.payload.sender as { login?: string } | undefined)?.login !== WORKFLOW_BOT)
      .map((w) => ({ id: w.id, name: w.event, payload: w.payload }));
  }

  /** A GITHUB_TOKEN for a workflow run: it acts as `github-actions[bot]`. */
  workflowToken(): string {
    const token = `ghs_workflow_${randomBytes(12).toString("hex")}`;
    this.state.workflowTokens.add(token);
    return token;
  }

  get pendingWebhooks(): number {
    return this.webhooks.pendingCount;
  }

  /**
   * Delivers queued webhooks, including those the app's reactions cause, until none is left:
   * one at a time in order, or with `{ burst: true }` all at once in a seeded random order.
   */
  settle(options?: SettleOptions): Promise<void> {
    return this.webhooks.settle(options);
  }

  /** The seed of the last burst settle: rerun with `BURST_SEED=<it>` or `{ seed }` to replay its order. */
  get lastBurstSeed(): number | undefined {
    return this.webhooks.lastSeed;
  }

  /** Queues an earlier delivery again with the same X-GitHub-Delivery, as GitHub's "Redeliver" button. */
  redeliver(deliveryId: string): void {
    this.webhooks.redeliver(deliveryId);
  }

  /** @throws listing every validation failure, unimplemented operation and failed webhook delivery. */
  assertClean(): void {
    this.failures.assertClean();
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.holds.releaseAll();
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }
}
