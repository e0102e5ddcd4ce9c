import { createHash } from "node:crypto";
import { ApiError } from "../http/api-error.js";
import type { HandlerRegistry } from "./operation-handler.js";

/** Repository contents on a branch (`ref` may name a branch or its pseudo commit sha). */
export const contentHandlers: HandlerRegistry = {
  "repos/get-content": ({ state, urls, params, query, headers }) => {
    const repo = state.repo(params.owner ?? "", params.repo ?? "");
    const path = (params.path ?? "").replace(/^\/+|\/+$/g, "");
    const ref = query.get("ref") ?? repo.defaultBranch;
    const files = repo.branches.get(ref) ?? findBranchBySha(repo.branches, ref);
    const content = files?.get(path);
    if (content === undefined) throw ApiError.notFound();

    if (/\.raw\b/.test(String(headers.accept ?? ""))) {
      return { status: 200, raw: { contentType: "application/vnd.github.raw; charset=utf-8", text: content } };
    }
    const sha = gitBlobSha(content);
    const fullName = `${repo.owner.login}/${repo.name}`;
    const url = `${urls.api}/repos/${fullName}/contents/${path}?ref=${encodeURIComponent(ref)}`;
    const gitUrl = `${urls.api}/repos/${fullName}/git/blobs/${sha}`;
    const htmlUrl = `${urls.web}/${fullName}/blob/${ref}/${path}`;
    return {
      status: 200,
      body: {
        type: "file",
        encoding: "base64",
        size: Buffer.byteLength(content),
        name: path.split("/").pop() ?? path,
        path,
        content: Buffer.from(content).toString("base64").replace(/(.{60})/g, "$1\n"),
        sha,
        url,
        git_url: gitUrl,
        html_url: htmlUrl,
        download_url: `${urls.web}/raw/${fullName}/${ref}/${path}`,
        _links: { self: url, git: gitUrl, html: htmlUrl },
      },
    };
  },
};

/** The sha git gives a blob with this content. */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content);
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** A branch's pseudo commit sha: a hash of its files, so it changes whenever they do. */
export function branchSha(files: Map<string, string>): string {
  const hash = createHash("sha1");
  for (const [path, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(`${path}\0${gitBlobSha(content)}\n`);
  }
  return hash.digest("hex");
}

function findBranchBySha(branches: Map<string, Map<string, string>>, sha: string) {
  return [...branches.values()].find((files) => branchSha(files) === sha);
}
