import { ApiError } from "../http/api-error.js";
import type { HandlerContext, HandlerRegistry } from "./operation-handler.js";
import { gitBlobSha } from "./content-handlers.js";

/** `GET /pulls/{n}/files`: what the pull request's branch changes against its base branch. */
export const pullFileHandlers: HandlerRegistry = {
  "pulls/list-files": (ctx) => {
    const repo = repoOf(ctx);
    const pull = repo.pulls?.get(Number(ctx.params.pull_number));
    if (!pull) throw ApiError.notFound();
    const head = repo.branches.get(pull.headRef) ?? new Map<string, string>();
    const base = repo.branches.get(pull.baseRef) ?? new Map<string, string>();
    const fullName = `${repo.owner.login}/${repo.name}`;
    const entries = [...new Set([...head.keys(), ...base.keys()])]
      .sort()
      .flatMap((filename) => {
        const after = head.get(filename);
        const before = base.get(filename);
        if (after === before) return [];
        const status = before === undefined ? "added" : after === undefined ? "removed" : "modified";
        const lines = (text: string | undefined) => (text === undefined ? 0 : text.split("\n").length);
        const sha = gitBlobSha(after ?? before ?? "");
        return [
          {
            sha,
            filename,
            status,
            additions: lines(after),
            deletions: lines(before),
            changes: lines(after) + lines(before),
            blob_url: `${ctx.urls.web}/${fullName}/blob/${pull.headRef}/${filename}`,
            raw_url: `${ctx.urls.web}/${fullName}/raw/${pull.headRef}/${filename}`,
            contents_url: `${ctx.urls.api}/repos/${fullName}/contents/${filename}?ref=${pull.headRef}`,
          },
        ];
      });
    return { status: 200, body: entries, paginate: true };
  },
};

function repoOf(ctx: HandlerContext) {
  return ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
}
