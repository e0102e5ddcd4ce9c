import { permissionAtLeast, type RepositoryRole } from "../../config/permission-at-least.js";
import { PERMISSION_LEVELS } from "../../config/schema.js";
import { tableCellSyntax } from "../../markdown/index.js";
import { commandSpecs, type CommandRegistry } from "./command-registry.js";

/**
 * The `/help` reply: a table of the commands the commenter's role allows. A role that
 * allows none gets a sentence naming the weakest role that would.
 */
export function renderHelp(registry: CommandRegistry, role: RepositoryRole): string {
  const specs = commandSpecs(registry);
  const allowed = specs.filter((s) => permissionAtLeast(role, s.permission));
  // `/help` itself is open to every reader; a table of it alone would help nobody.
  if (allowed.every((s) => s.name === "help")) {
    const needed = PERMISSION_LEVELS.find((level) =>
      specs.some((s) => s.name !== "help" && s.permission === level),
    );
    return `Firewatch commands need at least the **${needed}** role in this repository.`;
  }
  const rows = allowed.map(
    (s) => `| \`${s.usage.replace(/\|/g, "\\|")}\` | ${tableCellSyntax(s.summary)} |`,
  );
  return [
    "| command | does |",
    "| --- | --- |",
    ...rows,
    "",
    'One command per line; quote arguments with spaces (`"like this"`). Commands in code blocks and quotes are ignored.',
  ].join("\n");
}
