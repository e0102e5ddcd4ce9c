import type { CliCommand, CliIo } from "./cli-command.js";
import { dryRunCommand } from "./commands/dry-run.js";
import { validateCommand } from "./commands/validate.js";
import { metricsCommand } from "./commands/metrics.js";
import { renderCommand } from "./commands/render.js";

/** Every subcommand; `render` and `metrics` join this list as one module each. */
export const COMMANDS: readonly CliCommand[] = [validateCommand, dryRunCommand, metricsCommand, renderCommand];

/** Runs `firewatch <command> …` and returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  const help = () => ["usage: firewatch <command> [options]", "", ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}\n             ${c.usage}`)].join("\n");
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.stdout(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`firewatch ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
