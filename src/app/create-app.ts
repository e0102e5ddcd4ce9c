import type { ApplicationFunction, Context } from "probot";
import { onIssueComment } from "../handlers/issue-comment.js";
import { onIssueEvent } from "../handlers/issues.js";
import { onPostmortemMerged } from "../handlers/reports/index.js";
import {
  onIssueRunbooks,
  onRunbookCommentEdited,
  onRunbookPullRequest,
  onWorkflowRun,
} from "../handlers/runbooks/index.js";
import { identifyApp, isOwnEvent, ownLogin, type AppDeps } from "./deps.js";

/**
 * The Firewatch app: registers its handlers and routes, and nothing else. `deps` gives
 * it its clock, so tests can run it on the stand-in's virtual time.
 */
export function createApp(deps: AppDeps): ApplicationFunction {
  return (app) => {
    const login = ownLogin(app);
    const guarded =
      <C extends Context>(handle: (context: C, deps: AppDeps) => Promise<void>) =>
      async (context: C) => {
        if (await isOwnEvent(context, login)) return;
        await identifyApp(context, login);
        try {
          await handle(context, deps);
        } catch (error) {
          context.log.error(
            { err: error, delivery: context.id, event: context.name },
            "Firewatch failed to handle an event",
          );
          throw error;
        }
      };
    app.on(
      ["issues.opened", "issues.labeled", "issues.unlabeled", "issues.closed", "issues.reopened"],
      guarded(async (context, deps) => {
        await onIssueEvent(context, deps);
        await onIssueRunbooks(context, deps);
      }),
    );
    app.on("issue_comment.created", guarded(onIssueComment));
    app.on("issue_comment.edited", guarded(onRunbookCommentEdited));
    app.on(
      ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"],
      guarded(onRunbookPullRequest),
    );
    // Not guarded against own events: a run the app dispatched is sent with the app as sender.
    app.on("workflow_run.completed", async (context) => {
      try {
        await identifyApp(context, login);
        await onWorkflowRun(context, deps);
      } catch (error) {
        context.log.error(
          { err: error, delivery: context.id, event: context.name },
          "Firewatch failed to handle an event",
        );
        throw error;
      }
    });
    app.on("pull_request.closed", guarded(onPostmortemMerged));
  };
}
