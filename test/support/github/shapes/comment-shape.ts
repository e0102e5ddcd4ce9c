import { REACTION_CONTENTS, type Comment, type Reaction, type Repository } from "../state/model.js";
import { nodeId, type BaseUrls } from "./base-urls.js";
import { authorAssociation } from "./author-association.js";
import { userShape } from "./user-shape.js";

/** GitHub's `issue-comment`. */
export function commentShape(urls: BaseUrls, repo: Repository, comment: Comment) {
  const repoApi = `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
  const url = `${repoApi}/issues/comments/${comment.id}`;
  return {
    id: comment.id,
    node_id: nodeId("IssueComment", comment.id),
    url,
    html_url: `${urls.web}/${repo.owner.login}/${repo.name}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${repoApi}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: userShape(urls, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(repo, comment.user.login),
    performed_via_github_app: null,
    reactions: reactionRollup(url, comment.reactions),
  };
}

/** GitHub's `reaction-rollup`: counts per reaction content. */
export function reactionRollup(subjectUrl: string, reactions: Reaction[]) {
  const counts = Object.fromEntries(
    REACTION_CONTENTS.map((content) => [content, reactions.filter((r) => r.content === content).length]),
  );
  return { url: `${subjectUrl}/reactions`, total_count: reactions.length, ...counts };
}

/** GitHub's `reaction`. */
export function reactionShape(urls: BaseUrls, reaction: Reaction) {
  return {
    id: reaction.id,
    node_id: nodeId("Reaction", reaction.id),
    user: userShape(urls, reaction.user),
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}
