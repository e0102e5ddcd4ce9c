/**
 * What a decision asks GitHub to do. Domain code returns these; only the applier
 * (apply-effects.ts) turns them into requests, so idempotency, ordering and the write
 * budget live in one place.
 *
 * Every effect that creates something carries a `key`: a stable name for its cause. The
 * applier embeds it as a hidden marker and looks for it before creating, so a redelivered
 * webhook or a retried request never creates the same thing twice.
 */
export type ReactionContent =
  "+1" | "-1" | "laugh" | "confused" | "heart" | "hooray" | "rocket" | "eyes";

export type Effect =
  /** Add and remove labels on an issue (the resulting label set is what counts). */
  | { kind: "setLabels"; issue: number; add: string[]; remove: string[] }
  /** Create or update, in place, the one comment that carries `key` (the incident card, a runbook comment). */
  | { kind: "upsertComment"; issue: number; key: string; body: string }
  /** Post a reply once per `key`. */
  | { kind: "createComment"; issue: number; key: string; body: string }
  /** React to a comment (acknowledging a command). */
  | { kind: "react"; commentId: number; content: ReactionContent }
  /** Add assignees to an issue. */
  | { kind: "assign"; issue: number; logins: string[] }
  /** Close (`completed`) or reopen an issue. */
  | { kind: "setIssueState"; issue: number; state: "open" | "closed" }
  /** Open a new issue once per `key` (follow-up actions). */
  | {
      kind: "createIssue";
      key: string;
      title: string;
      body: string;
      labels: string[];
      assignees: string[];
    };

export type EffectKind = Effect["kind"];
