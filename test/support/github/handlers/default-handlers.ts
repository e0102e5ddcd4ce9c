import { appHandlers } from "./app-handlers.js";
import { assigneeHandlers } from "./assignee-handlers.js";
import { commentHandlers } from "./comment-handlers.js";
import { contentHandlers } from "./content-handlers.js";
import { eventHandlers } from "./event-handlers.js";
import { gitHandlers } from "./git-handlers.js";
import { issueHandlers } from "./issue-handlers.js";
import { labelHandlers } from "./label-handlers.js";
import type { HandlerRegistry } from "./operation-handler.js";
import { pullHandlers } from "./pull-handlers.js";
import { userHandlers } from "./user-handlers.js";
import { actionsHandlers } from "./actions-handlers.js";
import { checkRunHandlers } from "./check-run-handlers.js";
import { commitContentHandlers } from "./commit-content-handlers.js";
import { pullFileHandlers } from "./pull-file-handlers.js";
import { repositoryHandlers } from "./repository-handlers.js";
import { searchHandlers } from "./search-handlers.js";

/** Every operation the stand-in implements; anything else in GitHub's description is a 501. */
export const defaultHandlers: HandlerRegistry = {
  ...appHandlers,
  ...contentHandlers,
  ...issueHandlers,
  ...labelHandlers,
  ...commentHandlers,
  ...assigneeHandlers,
  ...eventHandlers,
  ...userHandlers,
  ...commitContentHandlers,
  ...pullFileHandlers,
  ...actionsHandlers,
  ...checkRunHandlers,
  ...repositoryHandlers,
  ...gitHandlers,
  ...pullHandlers,
  ...searchHandlers,
};
