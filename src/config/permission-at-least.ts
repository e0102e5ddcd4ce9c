import { PERMISSION_LEVELS, type Permission } from "./schema.js";

/** Someone's role on a repository: one of GitHub's levels, or `none` (no role there). */
export type RepositoryRole = Permission | "none";

/**
 * The one comparison of repository roles, for commands, `/help`, checkbox ticks and
 * approvals alike: `none` is below every level, `read` included.
 */
export function permissionAtLeast(role: RepositoryRole, minimum: Permission): boolean {
  if (role === "none") return false;
  return PERMISSION_LEVELS.indexOf(role) >= PERMISSION_LEVELS.indexOf(minimum);
}
