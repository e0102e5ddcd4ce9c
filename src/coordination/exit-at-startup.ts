/**
 * Ends the process because Firewatch cannot start, with one plain line on stderr that says
 * why (the error's message names the setting and what to do): no stack trace to dig through.
 */
export function exitAtStartup(error: unknown): never {
  console.error(
    `Firewatch cannot start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
