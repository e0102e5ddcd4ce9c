import { PERMISSION_LEVELS, type Permission } from "../../config/schema.js";

/** True when a repository role (`role_name`) is at least `minimum`; unknown roles (custom ones) count as `read`. */
export function permissionAtLeast(role: string | undefined, minimum: Permission): boolean {
  const rank = PERMISSION_LEVELS.indexOf(role as Permission);
  return Math.max(rank, 0) >= PERMISSION_LEVELS.indexOf(minimum);
}
