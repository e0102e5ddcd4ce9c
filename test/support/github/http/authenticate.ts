import type { IncomingHttpHeaders } from "node:http";
import type { User } from "../state/model.js";
import type { GitHubState } from "../state/github-state.js";
import { verifyAppJwt } from "./verify-app-jwt.js";

/** Operations GitHub only answers for the app itself (JWT), not for an installation token. */
const APP_JWT_OPERATIONS = new Set([
  "apps/get-authenticated",
  "apps/create-installation-access-token",
  "apps/get-repo-installation",
  "apps/get-org-installation",
  "apps/get-user-installation",
  "apps/list-installations",
]);

/** True for an operation made with the app's JWT: GitHub counts it against the app, not an installation. */
export const isAppJwtOperation = (operationId: string): boolean =>
  APP_JWT_OPERATIONS.has(operationId);

/** The account a workflow run's GITHUB_TOKEN acts as. */
export const WORKFLOW_BOT = "github-actions[bot]";

export type AuthResult = { ok: true; actor: User } | { ok: false; problem: string };

/**
 * App endpoints need `Authorization: Bearer <app JWT>`; everything else an installation
 * token issued by this stand-in, which acts as the app's bot user, or a workflow run's
 * GITHUB_TOKEN (`gh.workflowToken()`), which acts as `github-actions[bot]`.
 */
export function authenticate(
  state: GitHubState,
  operationId: string,
  headers: IncomingHttpHeaders,
): AuthResult {
  const [scheme = "", credential = ""] = String(headers.authorization ?? "").split(" ");
  if (APP_JWT_OPERATIONS.has(operationId)) {
    if (scheme.toLowerCase() !== "bearer")
      return { ok: false, problem: `${operationId} needs an app JWT (Authorization: Bearer …)` };
    const problem = verifyAppJwt(credential, state.app.publicKey, state.app.id);
    return problem ? { ok: false, problem } : { ok: true, actor: state.app.bot };
  }
  if (["token", "bearer"].includes(scheme.toLowerCase()) && state.workflowTokens.has(credential)) {
    return { ok: true, actor: state.ensureUser(WORKFLOW_BOT, "Bot") };
  }
  if (
    !["token", "bearer"].includes(scheme.toLowerCase()) ||
    !state.installationTokens.has(credential)
  ) {
    return {
      ok: false,
      problem: `${operationId} needs an installation token issued by the stand-in`,
    };
  }
  return { ok: true, actor: state.app.bot };
}
