/** The stand-in's in-memory picture of GitHub. Plain data; behaviour lives in mutations. */
import type { GitObjects } from "./git-objects.js";
import type { RunbookRepositoryData } from "./runbook-model.js";

export interface User {
  id: number;
  login: string;
  type: "User" | "Bot" | "Organization";
}

export type RoleName = "admin" | "maintain" | "write" | "triage" | "read";

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface Reaction {
  id: number;
  content: ReactionContent;
  user: User;
  createdAt: string;
}

export const REACTION_CONTENTS = ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"] as const;
export type ReactionContent = (typeof REACTION_CONTENTS)[number];

export interface Comment {
  id: number;
  issueNumber: number;
  body: string;
  user: User;
  createdAt: string;
  updatedAt: string;
  reactions: Reaction[];
}

export type IssueEventName = "labeled" | "unlabeled" | "closed" | "reopened" | "assigned" | "unassigned";

export interface IssueEvent {
  id: number;
  event: IssueEventName;
  actor: User;
  createdAt: string;
  label?: { name: string; color: string };
  assignee?: User;
  stateReason?: string | null;
}

export interface Issue {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "reopened" | "duplicate" | null;
  /** Label names in the order they were added (GitHub returns them sorted by name). */
  labels: string[];
  assignees: User[];
  user: User;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: User | null;
  comments: Comment[];
  events: IssueEvent[];
}

export interface Repository {
  id: number;
  owner: User;
  name: string;
  defaultBranch: string;
  private: boolean;
  createdAt: string;
  /** branch name → (file path → UTF-8 content). */
  branches: Map<string, Map<string, string>>;
  collaborators: Map<string, RoleName>;
  /** Keyed by lower-cased name: GitHub label names are case-insensitive. */
  labels: Map<string, Label>;
  issues: Map<number, Issue>;
  nextIssueNumber: number;
  /** Commits, trees, blobs and branch heads (git-objects.ts); made on first use. */
  git?: GitObjects;
  /** Pull requests by number (numbers are shared with issues, as on GitHub); made on first use. */
  pulls?: Map<number, PullRequest>;
  /** Teams (`org/slug`, lower case) that can be asked for reviews here; made on first use. */
  teams?: Map<string, Team>;
  /** Workflow dispatches and runs, check runs (runbook-repository-data.ts); made on first use. */
  runbookData?: RunbookRepositoryData;
}

export interface Team {
  id: number;
  /** `org/slug` as configured, e.g. `acme/ml-serving`. */
  fullSlug: string;
}

export interface PullRequest {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  draft: boolean;
  user: User;
  /** Branch names in the same repository. */
  headRef: string;
  baseRef: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergedBy: User | null;
  mergeCommitSha: string | null;
  requestedReviewers: User[];
  requestedTeams: Team[];
}
