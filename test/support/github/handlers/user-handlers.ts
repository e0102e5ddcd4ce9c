import { ApiError } from "../http/api-error.js";
import { publicUserShape, userShape } from "../shapes/user-shape.js";
import type { RoleName } from "../state/model.js";
import type { HandlerRegistry } from "./operation-handler.js";

/** The legacy `permission` GitHub reports next to `role_name`. */
const LEGACY_PERMISSION: Record<RoleName, string> = {
  admin: "admin",
  maintain: "write",
  write: "write",
  triage: "read",
  read: "read",
};

const USER_CREATED_AT = "2020-01-01T00:00:00Z";

/** Users and their permission on a repository. */
export const userHandlers: HandlerRegistry = {
  "users/get-by-username": ({ state, urls, params }) => {
    const user = state.findUser(params.username ?? "");
    if (!user) throw ApiError.notFound();
    return { status: 200, body: publicUserShape(urls, user, USER_CREATED_AT) };
  },

  /**
   * Stand-in choice, as GitHub does for a private repository: an unknown user is 404; a
   * known user who is not a collaborator gets 200 with permission and role_name "none".
   */
  "repos/get-collaborator-permission-level": ({ state, urls, params }) => {
    const repo = state.repo(params.owner ?? "", params.repo ?? "");
    const user = state.findUser(params.username ?? "");
    if (!user) throw ApiError.notFound();
    const role = repo.collaborators.get(user.login.toLowerCase());
    const permission = role ? LEGACY_PERMISSION[role] : "none";
    return {
      status: 200,
      body: {
        permission,
        role_name: role ?? "none",
        user: { ...userShape(urls, user), role_name: role ?? "none", permissions: permissionFlags(role) },
      },
    };
  },
};

function permissionFlags(role: RoleName | undefined) {
  const rank = role ? ["read", "triage", "write", "maintain", "admin"].indexOf(role) : -1;
  return { pull: rank >= 0, triage: rank >= 1, push: rank >= 2, maintain: rank >= 3, admin: rank >= 4 };
}
