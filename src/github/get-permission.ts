import type { RepositoryRole } from "../config/permission-at-least.js";
import type { Permission } from "../config/schema.js";
import { PERMISSION_LEVELS } from "../config/schema.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { statusOf } from "./client.js";

/**
 * The user's role on the repository, from `role_name` (the legacy `permission` field folds
 * maintain into write and triage into read). Someone who is not a collaborator has `none`.
 * When the payload's `author_association` settles it (`OWNER`: the repository's owner or an
 * owner of its organisation, admin everywhere), no request is made.
 */
export async function getPermission(
  octokit: GitHubClient,
  repo: RepoRef,
  username: string,
  association?: string,
): Promise<RepositoryRole> {
  if (association === "OWNER") return "admin";
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    const role = (data as { role_name?: string }).role_name;
    if (role && isLevel(role)) return role;
    // A custom repository role (GitHub Enterprise) has its own name; the legacy field
    // still gives the base role it was built on.
    return isLevel(data.permission) ? data.permission : "none";
  } catch (error) {
    if (statusOf(error) === 404) return "none";
    throw error;
  }
}

function isLevel(value: string): value is Permission {
  return (PERMISSION_LEVELS as readonly string[]).includes(value);
}
