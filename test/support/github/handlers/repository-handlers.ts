import { repositoryShape } from "../shapes/repository-shape.js";
import type { HandlerRegistry } from "./operation-handler.js";

/** `GET /repos/{owner}/{repo}` (the default branch, for runbooks whose workflow step names no ref). */
export const repositoryHandlers: HandlerRegistry = {
  "repos/get": ({ state, urls, params }) => {
    const repo = state.repo(params.owner ?? "", params.repo ?? "");
    return { status: 200, body: repositoryShape(urls, repo, state.clock.iso()) };
  },
};
