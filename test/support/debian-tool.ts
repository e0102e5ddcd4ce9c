import { spawnSync } from "node:child_process";

/**
 * The path of a program from a Debian package the tests use (`amtool`, `promtool`, …), or
 * undefined when it is not installed. Under CI (`CI` set) a missing one throws, naming the
 * package: .ci/run installs it, so a test that needs it must fail there rather than pass
 * without checking anything. Elsewhere the caller falls back to the checks it can still make.
 */
export function debianTool(name: string, debianPackage: string): string | undefined {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  if (found.status === 0) return found.stdout.trim();
  if (process.env.CI) throw new Error(`${name} is not installed: .ci/run installs Debian's ${debianPackage}`);
  return undefined;
}
