/**
 * `npm run demo [-- --out <dir>]`: plays a whole incident through the real Firewatch app and
 * the GitHub stand-in, offline, and writes what a user would see to `demo-output/`.
 * Exits non-zero if anything went wrong, so it doubles as an end-to-end check.
 */
import { resolve } from "node:path";
import { runDemo } from "./demo.js";

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const outDir = resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : "demo-output");

try {
  const result = await runDemo(outDir);
  console.log(result.summary);
  console.log(`\nWrote ${result.files.length} files. Start with ${resolve(result.dir, "README.md")}`);
} catch (error) {
  console.error("The Firewatch demo failed:");
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
