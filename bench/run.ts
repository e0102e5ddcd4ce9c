/**
 * Runs every benchmark under bench/ one after another (`npm run bench`), each in its own
 * process so one cannot warm or slow another. Figures are printed, never asserted:
 * performance is measured here, not in timed tests.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const benches = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ["--import", "tsx", `${dir}${file}`], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
