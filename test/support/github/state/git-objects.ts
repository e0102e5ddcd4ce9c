import { createHash } from "node:crypto";
import { ApiError } from "../http/api-error.js";
import type { Repository } from "./model.js";

export interface GitPerson {
  name: string;
  email: string;
  /** ISO 8601. */
  date: string;
}

export interface GitTreeEntry {
  /** One path segment. */
  name: string;
  mode: "100644" | "040000";
  type: "blob" | "tree";
  sha: string;
}

export interface GitCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: GitPerson;
  committer: GitPerson;
}

/** A repository's git objects, addressed by the SHA-1 real git would give them. */
export interface GitObjects {
  blobs: Map<string, string>;
  trees: Map<string, GitTreeEntry[]>;
  commits: Map<string, GitCommit>;
  /** branch → commit sha; `repo.branches` holds the same branch's files. */
  heads: Map<string, string>;
}

function hashObject(type: string, body: Buffer): string {
  return createHash("sha1").update(`${type} ${body.length}\0`).update(body).digest("hex");
}

export function gitObjects(repo: Repository): GitObjects {
  repo.git ??= { blobs: new Map(), trees: new Map(), commits: new Map(), heads: new Map() };
  return repo.git;
}

export function writeBlob(git: GitObjects, content: string): string {
  const sha = hashObject("blob", Buffer.from(content));
  git.blobs.set(sha, content);
  return sha;
}

/** Writes the nested trees for a flat path → content map; returns the root tree's sha. */
export function writeTree(git: GitObjects, files: ReadonlyMap<string, string>): string {
  const children = new Map<string, Map<string, string>>();
  const entries: GitTreeEntry[] = [];
  for (const [path, content] of files) {
    const slash = path.indexOf("/");
    if (slash === -1) {
      entries.push({ name: path, mode: "100644", type: "blob", sha: writeBlob(git, content) });
      continue;
    }
    const dir = path.slice(0, slash);
    if (!children.has(dir)) children.set(dir, new Map());
    children.get(dir)!.set(path.slice(slash + 1), content);
  }
  for (const [dir, sub] of children) entries.push({ name: dir, mode: "040000", type: "tree", sha: writeTree(git, sub) });
  // git sorts tree entries by name, with a tree's name compared as if it ended in "/".
  const key = (e: GitTreeEntry) => (e.type === "tree" ? `${e.name}/` : e.name);
  entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const body = Buffer.concat(
    entries.map((e) => Buffer.concat([Buffer.from(`${e.mode === "040000" ? "40000" : e.mode} ${e.name}\0`), Buffer.from(e.sha, "hex")])),
  );
  const sha = hashObject("tree", body);
  git.trees.set(sha, entries);
  return sha;
}

/** The files of a tree, flattened to path → content. @throws ApiError 404 for an unknown tree. */
export function readTree(git: GitObjects, sha: string, prefix = ""): Map<string, string> {
  const entries = git.trees.get(sha);
  if (!entries) throw new ApiError(404, "Not Found");
  const files = new Map<string, string>();
  for (const e of entries) {
    if (e.type === "tree") for (const [p, c] of readTree(git, e.sha, `${prefix}${e.name}/`)) files.set(p, c);
    else files.set(`${prefix}${e.name}`, git.blobs.get(e.sha) ?? "");
  }
  return files;
}

function personLine(kind: string, p: GitPerson): string {
  return `${kind} ${p.name} <${p.email}> ${Math.floor(Date.parse(p.date) / 1000)} +0000\n`;
}

export function writeCommit(git: GitObjects, input: Omit<GitCommit, "sha">): GitCommit {
  const text =
    `tree ${input.tree}\n` +
    input.parents.map((p) => `parent ${p}\n`).join("") +
    personLine("author", input.author) +
    personLine("committer", input.committer) +
    `\n${input.message}`;
  const commit = { ...input, sha: hashObject("commit", Buffer.from(text)) };
  git.commits.set(commit.sha, commit);
  return commit;
}

/**
 * The commit at the tip of a branch. A branch whose files changed outside the git API (a
 * seed, a test editing `repo.branches`) gets a commit recording the change first, so the
 * head always describes the files.
 */
export function headOf(repo: Repository, branch: string, at: string): string {
  const files = repo.branches.get(branch);
  if (!files) throw new ApiError(404, "Not Found");
  const git = gitObjects(repo);
  const tree = writeTree(git, files);
  const head = git.heads.get(branch);
  if (head && git.commits.get(head)?.tree === tree) return head;
  const person = { name: repo.owner.login, email: `${repo.owner.login}@users.noreply.github.com`, date: head ? at : repo.createdAt };
  const commit = writeCommit(git, { tree, parents: head ? [head] : [], message: head ? `Update ${branch}\n` : "Initial commit\n", author: person, committer: person });
  git.heads.set(branch, commit.sha);
  return commit.sha;
}

/** Points a branch at a commit (creating the branch), and makes its files the commit's. */
export function moveBranch(repo: Repository, branch: string, sha: string): void {
  const git = gitObjects(repo);
  const commit = git.commits.get(sha);
  if (!commit) throw ApiError.validationFailed([{ message: "Object does not exist" }]);
  repo.branches.set(branch, readTree(git, commit.tree));
  git.heads.set(branch, sha);
}

/** Whether `ancestor` is `sha` or one of its ancestors (a fast-forward check). */
export function descendsFrom(git: GitObjects, sha: string, ancestor: string): boolean {
  const seen = new Set<string>();
  const queue = [sha];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (next === ancestor) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(git.commits.get(next)?.parents ?? []));
  }
  return false;
}

/** Commits new file contents to a branch (what "create or update file contents" and a person's push do). */
export function commitFiles(
  repo: Repository,
  branch: string,
  changes: ReadonlyMap<string, string | null>,
  message: string,
  person: GitPerson,
): GitCommit {
  const git = gitObjects(repo);
  const parent = headOf(repo, branch, person.date);
  const files = new Map(repo.branches.get(branch));
  for (const [path, content] of changes) {
    if (content === null) files.delete(path);
    else files.set(path, content);
  }
  const commit = writeCommit(git, { tree: writeTree(git, files), parents: [parent], message, author: person, committer: person });
  moveBranch(repo, branch, commit.sha);
  return commit;
}
