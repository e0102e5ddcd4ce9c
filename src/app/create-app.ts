import type { ApplicationFunction, Probot } from "probot";
import { alertRoute } from "../alerts/alert-route.js";
import { DEFAULT_LOCK_WAIT_MS, MemoryCoordination } from "../coordination/index.js";
import { onIssueComment } from "../handlers/issue-comment.js";
import { onIssueEvent } from "../handlers/issues.js";
import { onPush } from "../handlers/on-push.js";
import { onPostmortemMerged } from "../handlers/reports/index.js";
import {
  onIssueRunbooks,
  onRunbookCommentEdited,
  onRunbookPullRequest,
  onWorkflowRun,
} from "../handlers/runbooks/index.js";
import { countDelivery } from "../telemetry/count-unheard-events.js";
import { useTelemetry } from "../telemetry/use-telemetry.js";
import { runClock } from "../clock/run-clock.js";
import type { AppDeps } from "./deps.js";
import { createRuntime, pipeline, type Runtime } from "./pipeline.js";

/**
 * The Firewatch app: registers its handlers, and nothing else. Every event goes through one
 * pipeline (pipeline.ts): route from the payload, lock the incident, handle, record.
 * `deps` gives it its clock and, with Redis, the coordination shared by replicas.
 */
export function createApp(
  deps: AppDeps,
  /** Told the app's runtime once its handlers are registered (Actions mode ticks through it). */
  onReady?: (app: Probot, runtime: Runtime) => void,
): ApplicationFunction {
  return (app, options) => {
    if (deps.telemetry) useTelemetry(app, options, deps.telemetry, deps.env);
    const coordination =
      deps.coordination ?? new MemoryCoordination({ waitMs: DEFAULT_LOCK_WAIT_MS });
    const runtime = createRuntime(app, deps, coordination);
    app.on(
      ["issues.opened", "issues.labeled", "issues.unlabeled", "issues.closed", "issues.reopened"],
      pipeline(runtime, async (context, deps) => {
        await onIssueEvent(context, deps);
        await onIssueRunbooks(context, deps);
      }),
    );
    app.on("issue_comment.created", pipeline(runtime, onIssueComment));
    app.on("issue_comment.edited", pipeline(runtime, onRunbookCommentEdited));
    app.on(
      ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"],
      pipeline(runtime, onRunbookPullRequest),
    );
    // Own events accepted: a run the app dispatched is sent with the app as sender.
    app.on("workflow_run.completed", pipeline(runtime, onWorkflowRun, { ownEvents: "accept" }));
    app.on("pull_request.closed", pipeline(runtime, onPostmortemMerged));
    app.on(
      "push",
      countDelivery(deps.telemetry, (context) => onPush(runtime.configs, context)),
    );
    if (deps.clock) runClock(app, runtime, deps.clock);
    onReady?.(app, runtime);
    // POST /api/alerts/{alertmanager,grafana}: alerts become incidents (src/alerts/).
    options.addHandler(alertRoute(app, runtime));
  };
}
