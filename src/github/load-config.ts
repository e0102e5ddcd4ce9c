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
    context.log.warn({ err: error, delivery: context.id }, "could not read .github/firewatch.yml");
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    const loaded = parseConfig({});
    return { ...loaded, problems: [{ field: "(file)", message: `could not be read: ${reason}` }] };
  }
  return parseConfig(raw);
}
