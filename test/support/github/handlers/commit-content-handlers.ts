import { ApiError } from "../http/api-error.js";
import { gitObjects, readTree } from "../state/git-objects.js";
import type { Repository } from "../state/model.js";
import { branchSha, gitBlobSha } from "./content-handlers.js";
import type { HandlerContext, HandlerRegistry } from "./operation-handler.js";

/**
 * Contents at any ref — a branch, a commit sha (git-objects.ts) or a branch's pseudo sha —
 * for files and directories (a directory answers GitHub's array of entries).
 */
export const commitContentHandlers: HandlerRegistry = {
  "repos/get-content": (ctx) => {
    const repo = repoOf(ctx);
    const path = (ctx.params.path ?? "").replace(/^\/+|\/+$/g, "");
    const ref = ctx.query.get("ref") ?? repo.defaultBranch;
    const files = filesAt(repo, ref);
    if (!files) throw ApiError.notFound();
    const content = files.get(path);
    const link = linksFor(ctx, repo, ref);
    if (content !== undefined) {
      if (/\.raw\b/.test(String(ctx.headers.accept ?? ""))) {
        return { status: 200, raw: { contentType: "application/vnd.github.raw; charset=utf-8", text: content } };
      }
      return {
        status: 200,
        body: { ...entry(link, "file", path, content), encoding: "base64", content: Buffer.from(content).toString("base64").replace(/(.{60})/g, "$1\n") },
      };
    }
    const prefix = path === "" ? "" : `${path}/`;
    const children = new Map<string, ReturnType<typeof entry>>();
    for (const [file, text] of files) {
      if (!file.startsWith(prefix)) continue;
      const [name = "", ...deeper] = file.slice(prefix.length).split("/");
      if (deeper.length === 0) children.set(name, entry(link, "file", file, text));
      else if (!children.has(name)) children.set(name, entry(link, "dir", `${prefix}${name}`, ""));
    }
    if (children.size === 0) throw ApiError.notFound();
    return { status: 200, body: [...children.values()].sort((a, b) => a.name.localeCompare(b.name)) };
  },
};

/** The files at a branch, a commit of git-objects.ts, or a branch's pseudo sha. */
export function filesAt(repo: Repository, ref: string): Map<string, string> | undefined {
  const branch = repo.branches.get(ref.replace(/^refs\/heads\//, ""));
  if (branch) return branch;
  const commit = repo.git?.commits.get(ref);
  if (commit) return readTree(gitObjects(repo), commit.tree);
  return [...repo.branches.values()].find((files) => branchSha(files) === ref);
}

function linksFor(ctx: HandlerContext, repo: Repository, ref: string) {
  const fullName = `${repo.owner.login}/${repo.name}`;
  return { api: `${ctx.urls.api}/repos/${fullName}`, web: `${ctx.urls.web}/${fullName}`, ref };
}

function entry(link: { api: string; web: string; ref: string }, type: "file" | "dir", path: string, content: string) {
  const sha = gitBlobSha(content);
  const url = `${link.api}/contents/${path}?ref=${encodeURIComponent(link.ref)}`;
  const gitUrl = `${link.api}/git/${type === "file" ? "blobs" : "trees"}/${sha}`;
  const htmlUrl = `${link.web}/${type === "file" ? "blob" : "tree"}/${link.ref}/${path}`;
  return {
    type,
    size: type === "file" ? Buffer.byteLength(content) : 0,
    name: path.split("/").pop() ?? path,
    path,
    sha,
    url,
    git_url: gitUrl,
    html_url: htmlUrl,
    download_url: type === "file" ? `${link.web}/raw/${link.ref}/${path}` : null,
    _links: { self: url, git: gitUrl, html: htmlUrl },
  };
}

function repoOf(ctx: HandlerContext) {
  return ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
}
