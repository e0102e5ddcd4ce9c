import type { ApplicationFunction, Context } from "probot";
import { onIssueEvent } from "../handlers/issues.js";
import { onPostmortemMerged } from "../handlers/reports/index.js";
import { isOwnEvent, ownLogin, type AppDeps } from "./deps.js";

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
      guarded(onIssueEvent),
    );
    app.on("pull_request.closed", guarded(onPostmortemMerged));
  };
}
