import { ApiError } from "../http/api-error.js";
import { nodeId, type BaseUrls } from "../shapes/base-urls.js";
import {
  commitFiles,
  descendsFrom,
  gitObjects,
  headOf,
  moveBranch,
  readTree,
  writeBlob,
  writeCommit,
  writeTree,
  type GitCommit,
  type GitObjects,
} from "../state/git-objects.js";
import type { Repository } from "../state/model.js";
import { gitBlobSha } from "./content-handlers.js";
import type { HandlerContext, HandlerRegistry } from "./operation-handler.js";

const repoOf = (ctx: HandlerContext) => ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
const apiOf = (ctx: HandlerContext, repo: Repository) => `${ctx.urls.api}/repos/${repo.owner.login}/${repo.name}`;

/** Git data (refs, blobs, trees, commits) and file writes through the contents API, with git's own SHAs. */
export const gitHandlers: HandlerRegistry = {
  "git/get-ref": (ctx) => {
    const repo = repoOf(ctx);
    const branch = branchOfRef(ctx.params.ref ?? "");
    if (!branch || !repo.branches.has(branch)) throw ApiError.notFound();
    return { status: 200, body: refShape(ctx, repo, branch, headOf(repo, branch, ctx.state.clock.iso())) };
  },

  "git/create-ref": (ctx) => {
    const repo = repoOf(ctx);
    const { ref, sha } = ctx.body as { ref: string; sha: string };
    const branch = ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : undefined;
    if (!branch) throw new ApiError(422, "Reference name must start with 'refs/heads/' in this stand-in");
    if (repo.branches.has(branch)) throw new ApiError(422, "Reference already exists");
    if (!gitObjects(repo).commits.has(sha)) throw new ApiError(422, "Object does not exist");
    moveBranch(repo, branch, sha);
    return { status: 201, body: refShape(ctx, repo, branch, sha) };
  },

  "git/update-ref": (ctx) => {
    const repo = repoOf(ctx);
    const branch = branchOfRef(ctx.params.ref ?? "");
    if (!branch || !repo.branches.has(branch)) throw new ApiError(422, "Reference does not exist");
    const { sha, force } = ctx.body as { sha: string; force?: boolean };
    const git = gitObjects(repo);
    if (!git.commits.has(sha)) throw new ApiError(422, "Object does not exist");
    const current = headOf(repo, branch, ctx.state.clock.iso());
    if (!force && !descendsFrom(git, sha, current)) throw new ApiError(422, "Update is not a fast forward");
    moveBranch(repo, branch, sha);
    return { status: 200, body: refShape(ctx, repo, branch, sha) };
  },

  "git/create-blob": (ctx) => {
    const repo = repoOf(ctx);
    const { content, encoding } = ctx.body as { content: string; encoding?: string };
    const text = encoding === "base64" ? Buffer.from(content, "base64").toString("utf8") : content;
    const sha = writeBlob(gitObjects(repo), text);
    return { status: 201, body: { url: `${apiOf(ctx, repo)}/git/blobs/${sha}`, sha } };
  },

  "git/get-blob": (ctx) => {
    const repo = repoOf(ctx);
    const sha = ctx.params.file_sha ?? "";
    const content = gitObjects(repo).blobs.get(sha);
    if (content === undefined) throw ApiError.notFound();
    return {
      status: 200,
      body: {
        sha,
        node_id: nodeId("Blob", parseInt(sha.slice(0, 8), 16)),
        url: `${apiOf(ctx, repo)}/git/blobs/${sha}`,
        size: Buffer.byteLength(content),
        content: Buffer.from(content).toString("base64"),
        encoding: "base64",
      },
    };
  },

  "git/create-tree": (ctx) => {
    const repo = repoOf(ctx);
    const git = gitObjects(repo);
    const { tree, base_tree } = ctx.body as {
      tree: { path?: string; mode?: string; type?: string; sha?: string | null; content?: string }[];
      base_tree?: string;
    };
    const files = base_tree ? readTree(git, base_tree) : new Map<string, string>();
    for (const entry of tree) {
      const path = entry.path ?? "";
      if (entry.type === "tree") {
        for (const key of [...files.keys()]) if (key.startsWith(`${path}/`)) files.delete(key);
        if (entry.sha) for (const [p, c] of readTree(git, entry.sha)) files.set(`${path}/${p}`, c);
        continue;
      }
      if (entry.content !== undefined) files.set(path, entry.content);
      else if (entry.sha === null) files.delete(path);
      else {
        const content = git.blobs.get(entry.sha ?? "");
        if (content === undefined) throw ApiError.validationFailed([{ message: `tree.sha ${entry.sha ?? ""} is not a valid blob` }]);
        files.set(path, content);
      }
    }
    const sha = writeTree(git, files);
    return { status: 201, body: treeShape(ctx, repo, git, sha) };
  },

  "git/get-tree": (ctx) => {
    const repo = repoOf(ctx);
    const git = gitObjects(repo);
    const sha = ctx.params.tree_sha ?? "";
    const commit = git.commits.get(sha);
    const treeSha = commit?.tree ?? (repo.branches.has(sha) ? git.commits.get(headOf(repo, sha, ctx.state.clock.iso()))?.tree : sha);
    if (!treeSha || !git.trees.has(treeSha)) throw ApiError.notFound();
    return { status: 200, body: treeShape(ctx, repo, git, treeSha, ctx.query.has("recursive")) };
  },

  "git/create-commit": (ctx) => {
    const repo = repoOf(ctx);
    const git = gitObjects(repo);
    const input = ctx.body as { message: string; tree: string; parents?: string[]; author?: { name: string; email: string; date?: string } };
    if (!git.trees.has(input.tree)) throw new ApiError(422, "Tree SHA does not exist");
    for (const parent of input.parents ?? []) if (!git.commits.has(parent)) throw new ApiError(422, "Parent SHA does not exist or is not a commit object");
    const actor = ctx.mutation.actor.login;
    const committer = { name: actor, email: `${actor}@users.noreply.github.com`, date: ctx.state.clock.iso() };
    const author = input.author ? { ...input.author, date: input.author.date ?? committer.date } : committer;
    const commit = writeCommit(git, { tree: input.tree, parents: input.parents ?? [], message: input.message, author, committer });
    return { status: 201, body: commitShape(ctx, repo, commit) };
  },

  "git/get-commit": (ctx) => {
    const repo = repoOf(ctx);
    const commit = gitObjects(repo).commits.get(ctx.params.commit_sha ?? "");
    if (!commit) throw ApiError.notFound();
    return { status: 200, body: commitShape(ctx, repo, commit) };
  },

  "repos/create-or-update-file-contents": (ctx) => {
    const repo = repoOf(ctx);
    const path = (ctx.params.path ?? "").replace(/^\/+|\/+$/g, "");
    const input = ctx.body as { message: string; content: string; sha?: string; branch?: string };
    const branch = input.branch ?? repo.defaultBranch;
    const files = repo.branches.get(branch);
    if (!files) throw new ApiError(404, `Branch ${branch} not found`);
    const existing = files.get(path);
    if (existing !== undefined && input.sha === undefined) {
      throw new ApiError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
    }
    if (existing !== undefined && input.sha !== gitBlobSha(existing)) throw new ApiError(409, `${path} does not match ${input.sha ?? ""}`);
    if (existing === undefined && input.sha !== undefined) throw new ApiError(409, `${path} does not match ${input.sha}`);
    const actor = ctx.mutation.actor.login;
    const person = { name: actor, email: `${actor}@users.noreply.github.com`, date: ctx.state.clock.iso() };
    const content = Buffer.from(input.content, "base64").toString("utf8");
    const commit = commitFiles(repo, branch, new Map([[path, content]]), input.message, person);
    const sha = gitBlobSha(content);
    const api = apiOf(ctx, repo);
    const web = `${ctx.urls.web}/${repo.owner.login}/${repo.name}`;
    return {
      status: existing === undefined ? 201 : 200,
      body: {
        content: {
          name: path.split("/").pop() ?? path,
          path,
          sha,
          size: Buffer.byteLength(content),
          url: `${api}/contents/${path}?ref=${encodeURIComponent(branch)}`,
          html_url: `${web}/blob/${branch}/${path}`,
          git_url: `${api}/git/blobs/${sha}`,
          download_url: `${ctx.urls.web}/raw/${repo.owner.login}/${repo.name}/${branch}/${path}`,
          type: "file",
          _links: { self: `${api}/contents/${path}`, git: `${api}/git/blobs/${sha}`, html: `${web}/blob/${branch}/${path}` },
        },
        commit: commitShape(ctx, repo, commit),
      },
    };
  },
};

/** `heads/main` or `refs/heads/main` → `main`; tags are not modelled. */
function branchOfRef(ref: string): string | undefined {
  const clean = ref.replace(/^refs\//, "");
  return clean.startsWith("heads/") ? clean.slice("heads/".length) : undefined;
}

function refShape(ctx: HandlerContext, repo: Repository, branch: string, sha: string) {
  const api = apiOf(ctx, repo);
  return {
    ref: `refs/heads/${branch}`,
    node_id: nodeId("Ref", repo.id),
    url: `${api}/git/refs/heads/${branch}`,
    object: { type: "commit", sha, url: `${api}/git/commits/${sha}` },
  };
}

function treeShape(ctx: HandlerContext, repo: Repository, git: GitObjects, sha: string, recursive = false) {
  const api = apiOf(ctx, repo);
  const list = (treeSha: string, prefix: string): Record<string, unknown>[] =>
    (git.trees.get(treeSha) ?? []).flatMap((e) => {
      const item = {
        path: `${prefix}${e.name}`,
        mode: e.mode,
        type: e.type,
        sha: e.sha,
        url: `${api}/git/${e.type === "tree" ? "trees" : "blobs"}/${e.sha}`,
        ...(e.type === "blob" && { size: Buffer.byteLength(git.blobs.get(e.sha) ?? "") }),
      };
      return recursive && e.type === "tree" ? [item, ...list(e.sha, `${prefix}${e.name}/`)] : [item];
    });
  return { sha, url: `${api}/git/trees/${sha}`, tree: list(sha, ""), truncated: false };
}

function commitShape(ctx: { urls: BaseUrls }, repo: Repository, commit: GitCommit) {
  const api = `${ctx.urls.api}/repos/${repo.owner.login}/${repo.name}`;
  const web = `${ctx.urls.web}/${repo.owner.login}/${repo.name}`;
  return {
    sha: commit.sha,
    node_id: nodeId("Commit", parseInt(commit.sha.slice(0, 8), 16)),
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${web}/commit/${commit.sha}`,
    author: commit.author,
    committer: commit.committer,
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((sha) => ({ sha, url: `${api}/git/commits/${sha}`, html_url: `${web}/commit/${sha}` })),
    verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
  };
}
