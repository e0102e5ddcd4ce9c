import { rmSync } from "node:fs";
import { createApp } from "../../src/app/create-app.js";
import { startScenario } from "../../test/support/harness.js";
import { createVirtualClock } from "../../test/support/github/state/virtual-clock.js";
import { playIncident } from "./play-incident.js";
import { demoRepository, TEAMS } from "./seed.js";
import { INCIDENT_DAY } from "./story.js";
import { writeOutput } from "./write-output.js";

export interface DemoResult {
  dir: string;
  files: string[];
  incident: number;
  postmortemPull: number;
  summary: string;
}

/**
 * Plays the demo incident through the real app and the GitHub stand-in and writes what a
 * user would see to `outDir` (emptied first). Throws if the stand-in recorded any failure
 * (an invalid request, an unimplemented operation, a webhook the app failed on) or if a
 * person's command was not obeyed.
 */
export async function runDemo(outDir: string): Promise<DemoResult> {
  rmSync(outDir, { recursive: true, force: true }); // a failed run leaves nothing that looks like a result
  const repo = demoRepository();
  const clock = createVirtualClock(`${INCIDENT_DAY}T13:55:00Z`);
  const scenario = await startScenario({
    clock,
    repo,
    appFn: {
      build: (gh) =>
        createApp({
          now: () => gh.clock.now(),
          sleep: async (ms) => {
            gh.clock.advance(ms);
          },
        }),
    },
  });
  const { gh } = scenario;
  let played: Awaited<ReturnType<typeof playIncident>>;
  try {
    for (const team of TEAMS) gh.addTeam(team);
    played = await playIncident(gh);
  } catch (error) {
    await scenario.stop().catch((stopError: unknown) => {
      throw new AggregateError([error, stopError], "the demo failed, and the stand-in recorded failures");
    });
    throw error;
  }
  await scenario.stop(); // throws with every failure the stand-in recorded

  const problems = unobeyedCommands(gh, played.incident);
  const incident = gh.issue(played.incident);
  if (!incident.labels.includes("status:post-incident")) problems.push(`#${played.incident} ended with labels ${incident.labels.join(", ")}, not status:post-incident`);
  if (problems.length > 0) throw new Error(`the demo incident did not go as written:\n- ${problems.join("\n- ")}`);

  const followUps = [...gh.repo.issues.values()].filter((i) => i.number !== played.incident && !gh.repo.pulls?.has(i.number));
  const pull = gh.pull(played.postmortemPull);
  const summary = [
    `Incident #${played.incident} “${incident.title}”: ${incident.state}, labels ${incident.labels.map((l) => `\`${l}\``).join(" ")}.`,
    `${incident.comments.length} comments on it (${incident.comments.filter((c) => c.user.endsWith("[bot]")).length} by Firewatch), ${followUps.length} follow-up issues, postmortem pull request #${pull.number} (${pull.mergedAt ? "merged" : pull.state}).`,
  ].join("\n");
  const output = writeOutput(gh, outDir, { story: played.story.events, baseFiles: repo.files, summary });
  return { ...output, incident: played.incident, postmortemPull: played.postmortemPull, summary };
}

/** People's command comments that Firewatch did not acknowledge with 👍 (😕 or nothing). */
function unobeyedCommands(gh: Awaited<ReturnType<typeof startScenario>>["gh"], issue: number): string[] {
  return gh
    .issue(issue)
    .comments.filter((c) => !c.user.endsWith("[bot]") && /^\/[a-z]/m.test(c.body))
    .filter((c) => !c.reactions["+1"] || c.reactions.confused)
    .map((c) => `@${c.user}: “${c.body.split("\n").find((l) => l.startsWith("/"))}” got ${JSON.stringify(c.reactions)}`);
}
