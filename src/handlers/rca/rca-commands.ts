import { addCause } from "../../analysis/add-cause.js";
import { addFactor } from "../../analysis/add-factor.js";
import { addLesson } from "../../analysis/add-lesson.js";
import { addWhy } from "../../analysis/add-why.js";
import { setRootCause } from "../../analysis/set-root-cause.js";
import { setTrigger } from "../../analysis/set-trigger.js";
import type { CauseArgs, LessonArgs, RcaTextArgs } from "../../commands/parse/args/rca.js";
import type { EventScope } from "../event-scope.js";
import { updateRca, type OperationResult } from "./update-rca.js";

const input = (text: string, actor: string, at: string) => ({
  text,
  author: actor,
  at: new Date(at),
});

/** `/why <answer>`: the next link of the five-whys chain. */
export function whyCommand(
  scope: EventScope,
  issue: number,
  args: RcaTextArgs,
  actor: string,
  at: string,
): Promise<OperationResult> {
  return updateRca(scope, issue, (rca) => addWhy(rca, input(args.text, actor, at)));
}

/** `/cause <category> <text>`: a fishbone cause under one of `rca.categories`. */
export function causeCommand(
  scope: EventScope,
  issue: number,
  args: CauseArgs,
  actor: string,
  at: string,
): Promise<OperationResult> {
  return updateRca(scope, issue, (rca) =>
    addCause(
      rca,
      { ...input(args.text, actor, at), category: args.category },
      scope.config.rca.categories,
    ),
  );
}

/** `/factor <text>`: a contributing factor. */
export function factorCommand(
  scope: EventScope,
  issue: number,
  args: RcaTextArgs,
  actor: string,
  at: string,
): Promise<OperationResult> {
  return updateRca(scope, issue, (rca) => addFactor(rca, input(args.text, actor, at)));
}

/** `/root-cause <text>`: the agreed root cause (a later one replaces it). */
export function rootCauseCommand(
  scope: EventScope,
  issue: number,
  args: RcaTextArgs,
  actor: string,
  at: string,
): Promise<OperationResult> {
  return updateRca(scope, issue, (rca) => setRootCause(rca, input(args.text, actor, at)));
}

/** `/lesson went-well|went-wrong|lucky <text>`. */
export function lessonCommand(
  scope: EventScope,
  issue: number,
  args: LessonArgs,
  actor: string,
  at: string,
): Promise<OperationResult> {
  return updateRca(scope, issue, (rca) =>
    addLesson(rca, { ...input(args.text, actor, at), kind: args.kind }),
  );
}

/** `/trigger <text>`: what set the incident off. */
export function triggerCommand(
  scope: EventScope,
  issue: number,
  args: RcaTextArgs,
  actor: string,
  at: string,
): Promise<OperationResult> {
  return updateRca(scope, issue, (rca) => setTrigger(rca, input(args.text, actor, at)));
}
