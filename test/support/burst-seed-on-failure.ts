import type { GitHubStandIn } from "./github/github-stand-in.js";

/**
 * When the current vitest test fails after a burst settle, prints the seed so the failure can
 * be replayed with `BURST_SEED=<seed>`. A test's own assertion failing is not something the
 * stand-in sees, so this hooks vitest itself. The harness is also used outside vitest (the
 * demo script) and may be started in a hook, where vitest refuses `onTestFailed`: then it
 * does nothing, and the seed is still in every failure the stand-in records and in `gh.lastBurstSeed`.
 */
export async function printBurstSeedOnFailure(gh: GitHubStandIn): Promise<void> {
  if (!process.env.VITEST) return;
  const { onTestFailed } = await import("vitest");
  try {
    onTestFailed(() => {
      if (gh.lastBurstSeed === undefined) return;
      console.error(`GitHub stand-in: the last burst used seed ${gh.lastBurstSeed}; replay with BURST_SEED=${gh.lastBurstSeed}`);
    });
  } catch {
    // Not inside a running test (a hook, or a describe body): nothing to attach to.
  }
}
