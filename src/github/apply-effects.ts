import type { Logger } from "probot";
import type { GitHubClient, RepoRef } from "./client.js";
import { statusOf } from "./client.js";
import type { Effect } from "../effects/effect.js";
import { findIssueByKey } from "./find-issue-by-key.js";
import type { CommentData, IncidentReads } from "./incident-reads.js";
import { hasMarker, marker } from "../markdown/hidden-block.js";

export interface ApplyDeps {
  octokit: GitHubClient;
  repo: RepoRef;
  log: Logger;
  /** The delivery's reads: comments are looked up there, and every answer to a write is reported back. */
  reads: IncidentReads;
}

/** What applying produced that a caller may need (the numbers of issues it opened). */
export interface ApplyResult {
  createdIssues: Map<string, number>;
}

/** A create request must not be retried blindly: a retried POST after an ambiguous 5xx can post twice. */
const NO_BLIND_RETRY = { request: { retries: 0 } } as const;

/**
 * Carries effects out in order. Every effect is idempotent: labels and state are set to
 * what was decided, and anything created is first looked for by its cause key, so a
 * redelivered webhook or a retry after an ambiguous failure never creates a duplicate.
 */
export async function applyEffects(
  deps: ApplyDeps,
  effects: readonly Effect[],
): Promise<ApplyResult> {
  const result: ApplyResult = { createdIssues: new Map() };
  // A secondary rate limit is waited out request by request (retryRateLimitedWrites).
  for (const effect of effects) await applyOne(deps, effect, result);
  return result;
}

async function applyOne(deps: ApplyDeps, effect: Effect, result: ApplyResult): Promise<void> {
  const { octokit, repo, reads } = deps;
  switch (effect.kind) {
    case "setLabels": {
      const labelsOf = (data: { name: string }[]) => data.map((l) => l.name);
      if (effect.add.length > 0) {
        const { data } = await octokit.rest.issues.addLabels({
          ...repo,
          issue_number: effect.issue,
          labels: effect.add,
        });
        reads.labelsWritten(effect.issue, labelsOf(data), effect.add, []);
      }
      for (const name of effect.remove) {
        await ignoreStatus(404, async () => {
          const { data } = await octokit.rest.issues.removeLabel({
            ...repo,
            issue_number: effect.issue,
            name,
          });
          reads.labelsWritten(effect.issue, labelsOf(data), [], [name]);
        });
      }
      return;
    }
    case "upsertComment":
    case "createComment": {
      const body = `${marker(effect.key)}\n${effect.body}`;
      const byKey = (comments: CommentData[]) =>
        comments.find((c) => c.byApp && hasMarker(c.body, effect.key));
      const existing = byKey(await reads.issueComments(effect.issue));
      if (existing) {
        // A reply is posted once and left alone; the card and runbook comments are kept current.
        if (effect.kind === "upsertComment" && existing.body !== body) {
          const { data } = await octokit.rest.issues.updateComment({
            ...repo,
            comment_id: existing.id,
            body,
          });
          reads.commentWritten(effect.issue, data);
        }
        return;
      }
      await createOnce(
        async () => {
          const { data } = await octokit.rest.issues.createComment({
            ...repo,
            issue_number: effect.issue,
            body,
            ...NO_BLIND_RETRY,
          });
          reads.commentWritten(effect.issue, data);
        },
        async () => Boolean(byKey(await reads.freshComments(effect.issue))),
      );
      return;
    }
    case "react":
      // GitHub answers 200 instead of 201 for a reaction that already exists: naturally idempotent.
      await octokit.rest.reactions.createForIssueComment({
        ...repo,
        comment_id: effect.commentId,
        content: effect.content,
      });
      return;
    case "assign": {
      const { data } = await octokit.rest.issues.addAssignees({
        ...repo,
        issue_number: effect.issue,
        assignees: effect.logins,
      });
      reads.issueWritten(data);
      return;
    }
    case "setIssueState": {
      const { data } = await octokit.rest.issues.update({
        ...repo,
        issue_number: effect.issue,
        state: effect.state,
        ...(effect.state === "closed" ? { state_reason: "completed" as const } : {}),
      });
      reads.issueWritten(data, effect.state === "closed" ? "closed" : "reopened");
      return;
    }
    case "createIssue": {
      const found = await findIssueByKey(octokit, repo, effect.labels, effect.key);
      if (found) {
        result.createdIssues.set(effect.key, found);
        return;
      }
      const body = `${effect.body}\n\n${marker(effect.key)}`;
      await createOnce(
        async () => {
          const { data } = await octokit.rest.issues.create({
            ...repo,
            title: effect.title,
            body,
            labels: effect.labels,
            assignees: effect.assignees,
            ...NO_BLIND_RETRY,
          });
          result.createdIssues.set(effect.key, data.number);
        },
        async () => {
          const again = await findIssueByKey(octokit, repo, effect.labels, effect.key);
          if (again) result.createdIssues.set(effect.key, again);
          return again !== undefined;
        },
      );
      return;
    }
  }
}

/** Creates once; after a server error, looks whether the write happened before trying a second time. */
async function createOnce(
  create: () => Promise<unknown>,
  exists: () => Promise<boolean>,
): Promise<void> {
  try {
    await create();
  } catch (error) {
    const status = statusOf(error);
    if (status === undefined || status < 500) throw error;
    if (await exists()) return;
    await create();
  }
}

async function ignoreStatus(status: number, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (statusOf(error) !== status) throw error;
  }
}
