import { readFileSync } from "node:fs";

/** The `version` of package.json: two folders up from both src/cli and the compiled lib/cli. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
  return typeof pkg.version === "string" ? pkg.version : "unknown";
}
