import type { IssueSnapshot } from "../incident/decide-declaration.js";
import type { IssueEvent } from "../incident/status-history.js";
import { appLoginOf, isAppAuthor } from "./app-author.js";
import type { GitHubClient, RepoRef } from "./client.js";

/** The issue fields decisions use. */
export type IssueData = IssueSnapshot;

/** A comment as the app keeps it: only what finding its own comments needs. */
export interface CommentData {
  id: number;
  body: string;
  /** True when the app's own account wrote it (hidden state counts only there). */
  byApp: boolean;
}

type RawIssue = {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  labels: (string | { name?: string })[];
  assignees?: { login: string }[] | null;
  html_url: string;
};
type RawComment = { id: number; body?: string; user: { login?: string; type?: string } | null };

/**
 * One delivery's view of its incidents, read from GitHub once and kept current by the
 * app's own writes (the applier reports each answer here), so deciding, applying and
 * re-rendering the card never read the same issue twice. It lives only while the
 * incident's lock is held: the next delivery reads the truth again (a 304 when unchanged).
 */
export class IncidentReads {
  private readonly issues = new Map<number, Promise<IssueData>>();
  private readonly events = new Map<number, Promise<IssueEvent[]>>();
  private readonly comments = new Map<number, Promise<CommentData[]>>();

  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: RepoRef,
    private readonly now: () => Date,
  ) {}

  issue(number: number): Promise<IssueData> {
    return memo(this.issues, number, async () => {
      const { data } = await this.octokit.rest.issues.get({ ...this.repo, issue_number: number });
      return toIssue(data as RawIssue);
    });
  }

  /** The issue's events, in the order GitHub returns them (oldest first). */
  issueEvents(number: number): Promise<IssueEvent[]> {
    return memo(this.events, number, async () => {
      const events = await this.octokit.paginate(this.octokit.rest.issues.listEvents, {
        ...this.repo,
        issue_number: number,
        per_page: 100,
      });
      return events as IssueEvent[];
    });
  }

  /** True when the issue's events were read (or started) in this delivery. */
  hasEvents(number: number): boolean {
    return this.events.has(number);
  }

  issueComments(number: number): Promise<CommentData[]> {
    return memo(this.comments, number, () => this.listComments(number));
  }

  /** Reads the comments again, bypassing what is kept (after an ambiguous failure of a create). */
  async freshComments(number: number): Promise<CommentData[]> {
    const fresh = this.listComments(number);
    this.comments.set(number, fresh);
    return fresh;
  }

  /**
   * For an issue with no status history to derive: its events are not read, and the app's own
   * label changes in this delivery are the history from here on.
   */
  withoutHistory(number: number): Promise<IssueEvent[]> {
    return memo(this.events, number, () => Promise.resolve([]));
  }

  /** Forgets an issue, so the next use reads it again (a lock taken later in the same delivery). */
  forget(number: number): void {
    this.issues.delete(number);
    this.events.delete(number);
    this.comments.delete(number);
  }

  /** The label set GitHub answered a label write with; the app's own label events are recorded at its clock. */
  async labelsWritten(number: number, labels: string[], added: string[], removed: string[]) {
    const issue = this.issues.get(number);
    if (issue) this.issues.set(number, issue.then((i) => ({ ...i, labels })));
    const events = this.events.get(number);
    if (!events) return;
    const at = this.githubTime();
    const actor = { login: appLoginOf(this.octokit), type: "Bot" };
    const written: IssueEvent[] = [
      ...removed.map((name) => ({ event: "unlabeled", created_at: at, actor, label: { name } })),
      ...added.map((name) => ({ event: "labeled", created_at: at, actor, label: { name } })),
    ];
    this.events.set(number, events.then((list) => [...list, ...written]));
  }

  /** The issue as GitHub answered a write to it (state, assignees). */
  issueWritten(raw: unknown, event?: "closed" | "reopened"): void {
    const issue = toIssue(raw as RawIssue);
    const before = this.issues.get(issue.number);
    this.issues.set(issue.number, Promise.resolve(issue));
    const events = this.events.get(issue.number);
    if (!event || !events || !before) return;
    const at = this.githubTime();
    const e = { event, created_at: at, actor: { login: appLoginOf(this.octokit), type: "Bot" } };
    this.events.set(issue.number, events.then((list) => [...list, e]));
  }

  /** A comment the app created or updated. */
  commentWritten(number: number, raw: RawComment): void {
    const list = this.comments.get(number);
    if (!list) return;
    const written = this.toComment(raw);
    this.comments.set(
      number,
      list.then((all) =>
        all.some((c) => c.id === written.id)
          ? all.map((c) => (c.id === written.id ? written : c))
          : [...all, written],
      ),
    );
  }

  /** Now, written as GitHub writes event times (whole seconds), so they compare with GitHub's own. */
  private githubTime(): string {
    return this.now().toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  private async listComments(number: number): Promise<CommentData[]> {
    const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, {
      ...this.repo,
      issue_number: number,
      per_page: 100,
    });
    return comments.map((c) => this.toComment(c as RawComment));
  }

  private toComment(c: RawComment): CommentData {
    return { id: c.id, body: c.body ?? "", byApp: isAppAuthor(this.octokit, c.user) };
  }
}

function memo<T>(map: Map<number, Promise<T>>, key: number, load: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) {
    value = load();
    map.set(key, value);
    value.catch(() => map.delete(key));
  }
  return value;
}

function toIssue(issue: RawIssue): IssueData {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? null,
    state: issue.state === "closed" ? "closed" : "open",
    labels: issue.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter(Boolean),
    assignees: (issue.assignees ?? []).map((a) => a.login),
    url: issue.html_url,
  };
}
