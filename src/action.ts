/**
 * Firewatch as a GitHub Action (`node lib/action.js`, run by action.yml): handles the event
 * of the workflow run it is a step of, then exits — non-zero, with an `::error::` line per
 * failure (shown on the run's summary), when something could not be handled.
 */
import { runAction } from "./actions-mode/run-action.js";
import { ActionSetupError } from "./actions-mode/read-action-env.js";

try {
  const outcome = await runAction(process.env, {
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  for (const what of outcome.handled) say(`Firewatch handled ${what}`);
  for (const { what, message } of outcome.failed) say(`::error::Firewatch could not handle ${what}: ${oneLine(message)}`);
  process.exitCode = outcome.failed.length > 0 ? 1 : 0;
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  say(`::error::Firewatch cannot run: ${oneLine(message)}`);
  if (!(error instanceof ActionSetupError) && error instanceof Error && error.stack) console.error(error.stack);
  process.exitCode = 1;
}

/** Workflow commands end at a newline; `%0A` is how one carries several lines. */
function oneLine(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** Workflow commands are read from stdout. */
function say(line: string): void {
  process.stdout.write(`${line}\n`);
}
