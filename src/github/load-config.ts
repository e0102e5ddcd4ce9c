import type { Context } from "probot";
import { CONFIG_FILE, parseConfig, type LoadedConfig } from "../config/load-config.js";

/**
 * Reads `.github/firewatch.yml` with Probot's `context.config`, so `_extends` and the
 * organisation's `.github` repository work, then validates it. A file that cannot be read
 * or parsed is a problem to show, never a reason to stop responding to an incident.
 */
export async function loadConfig(context: Context): Promise<LoadedConfig> {
  let raw: unknown;
  try {
    raw = await context.config(CONFIG_FILE, {});
  } catch (error) {
    const reason = describeReadError(error);
    context.log.warn({ delivery: context.id, reason }, "could not read .github/firewatch.yml");
    const loaded = parseConfig({});
    return { ...loaded, problems: [{ field: "(file)", message: `could not be read: ${reason}` }] };
  }
  return parseConfig(raw);
}

/** The YAML parser's own message (with its line and column) is what helps the user most. */
function describeReadError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split("\n")[0]!.slice(0, 300);
}
