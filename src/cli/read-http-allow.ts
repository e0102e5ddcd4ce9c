import { loadYaml } from "../yaml/load-yaml.js";
import type { CliIo } from "./cli-command.js";

/**
 * Hosts `http` steps may call: `runbooks.http_allow` in `.github/firewatch.yml` (read
 * leniently, since the setting is new) plus any `--http-allow` given on the command line.
 */
export async function readHttpAllow(io: CliIo, extra: readonly string[]): Promise<string[]> {
  const hosts = extra.flatMap((h) => h.split(",")).map((h) => h.trim()).filter(Boolean);
  let source: string;
  try {
    source = await io.readFile(`${io.cwd}/.github/firewatch.yml`);
  } catch {
    return hosts;
  }
  const loaded = loadYaml(source);
  if (!loaded.ok) return hosts;
  const runbooks = (loaded.value as { runbooks?: { http_allow?: unknown } } | null)?.runbooks;
  const listed = Array.isArray(runbooks?.http_allow) ? runbooks.http_allow.filter((h): h is string => typeof h === "string") : [];
  return [...hosts, ...listed];
}
