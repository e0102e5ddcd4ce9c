import type { Repository } from "../state/model.js";

/** OWNER, COLLABORATOR or NONE, from the repository's collaborator list. */
export function authorAssociation(repo: Repository, login: string): string {
  if (login.toLowerCase() === repo.owner.login.toLowerCase()) return "OWNER";
  return repo.collaborators.has(login.toLowerCase()) ? "COLLABORATOR" : "NONE";
}
