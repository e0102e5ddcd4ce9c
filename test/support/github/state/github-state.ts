import { ApiError } from "../http/api-error.js";
import type { Issue, Repository, RoleName, User } from "./model.js";
import type { VirtualClock } from "./virtual-clock.js";

/** The app installed on the stand-in's repositories. */
export interface AppIdentity {
  id: number;
  slug: string;
  name: string;
  installationId: number;
  /** PEM; installation tokens are only handed out for JWTs it verifies. */
  publicKey: string;
  bot: User;
}

export interface RepositorySeed {
  owner: string;
  name: string;
  defaultBranch?: string;
  /** Files on the default branch, path → content. */
  files?: Record<string, string>;
  /** login → role; the users are created if they do not exist. */
  collaborators?: Record<string, RoleName>;
}

/** All of the stand-in's data: users, repositories and their issues. */
export class GitHubState {
  private readonly users = new Map<string, User>();
  private readonly repositories = new Map<string, Repository>();
  private lastId = 1000;
  /** Installation access tokens handed out; any of them authenticates as the app's bot. */
  readonly installationTokens = new Set<string>();
  /** GITHUB_TOKENs of workflow runs (Actions mode); any of them authenticates as `github-actions[bot]`. */
  readonly workflowTokens = new Set<string>();

  constructor(
    readonly clock: VirtualClock,
    readonly app: AppIdentity,
  ) {
    this.users.set(app.bot.login.toLowerCase(), app.bot);
  }

  nextId(): number {
    return ++this.lastId;
  }

  /** The user with this login, created (as a human) on first mention. */
  ensureUser(login: string, type: User["type"] = "User"): User {
    const key = login.toLowerCase();
    let user = this.users.get(key);
    if (!user) {
      user = { id: this.nextId(), login, type };
      this.users.set(key, user);
    }
    return user;
  }

  findUser(login: string): User | undefined {
    return this.users.get(login.toLowerCase());
  }

  addRepository(seed: RepositorySeed): Repository {
    const defaultBranch = seed.defaultBranch ?? "main";
    const repo: Repository = {
      id: this.nextId(),
      owner: this.ensureUser(seed.owner),
      name: seed.name,
      defaultBranch,
      private: true,
      createdAt: this.clock.iso(),
      branches: new Map([[defaultBranch, new Map(Object.entries(seed.files ?? {}))]]),
      collaborators: new Map([[seed.owner.toLowerCase(), "admin"]]),
      labels: new Map(),
      issues: new Map(),
      nextIssueNumber: 1,
    };
    for (const [login, role] of Object.entries(seed.collaborators ?? {})) {
      this.ensureUser(login);
      repo.collaborators.set(login.toLowerCase(), role);
    }
    this.repositories.set(`${seed.owner}/${seed.name}`.toLowerCase(), repo);
    return repo;
  }

  /** @throws ApiError 404 like GitHub for an unknown repository. */
  repo(owner: string, name: string): Repository {
    const repo = this.repositories.get(`${owner}/${name}`.toLowerCase());
    if (!repo) throw ApiError.notFound();
    return repo;
  }

  allRepositories(): Repository[] {
    return [...this.repositories.values()];
  }

  /** @throws ApiError 404 for an unknown issue number. */
  issue(repo: Repository, number: number | string): Issue {
    const issue = repo.issues.get(Number(number));
    if (!issue) throw ApiError.notFound();
    return issue;
  }
}
