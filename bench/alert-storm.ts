/**
 * An alert storm (issue 10): 1,000 alerts in 100 groups sent to Firewatch's Alertmanager
 * endpoint at once, each group retried after a 503 as Alertmanager does. Run with
 * `npx tsx bench/alert-storm.ts`.
 *
 * The real app runs in process against the GitHub stand-in on its virtual clock: every wait
 * the app makes (its write pacer, GitHub's retry-after) moves that clock, so the figures are
 * the ones production would see, reached in seconds. Probot's throttle is off here (as in
 * the tests); in production it spaces issue and comment writes a further 3 s apart.
 *
 * Reports: content-creating requests (issues and comments created) in the busiest minute,
 * against GitHub's secondary limit of 80; when the last group was reflected on GitHub; how
 * many incidents were opened; and that every group is on exactly one incident.
 *
 * Env: BENCH_GROUPS (100), BENCH_ALERTS_PER_GROUP (10), BENCH_MAX_NEW (alerts.storm.max_new_incidents, 5).
 */
import { startFirewatch } from "../test/support/firewatch.js";
import { ALERT_TOKEN } from "../test/alerts/alert-requests.js";
import { runAlertStorm } from "../test/alerts/run-alert-storm.js";

const envInt = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const GROUPS = envInt("BENCH_GROUPS", 100);
const PER_GROUP = envInt("BENCH_ALERTS_PER_GROUP", 10);
const MAX_NEW = envInt("BENCH_MAX_NEW", 5);

const started = performance.now();
const scenario = await startFirewatch({
  env: { FIREWATCH_ALERT_TOKEN: ALERT_TOKEN },
  files: {
    ".github/firewatch.yml": `services:\n  inference:\n    oncall: [alice]\nalerts:\n  storm:\n    max_new_incidents: ${MAX_NEW}\n    window_minutes: 10\n`,
  },
});
try {
  const r = await runAlertStorm(scenario, GROUPS, PER_GROUP);
  const rows = [
    ["alerts / groups sent", `${r.alerts} / ${r.groups}`, ""],
    ["POSTs to the endpoint (503 retries included)", String(r.posts), `${r.answered503} answered 503`],
    ["incidents opened", String(r.incidents), `${r.incidents - r.stormIncidents} group incidents (cap ${MAX_NEW}) + ${r.stormIncidents} alert storm`],
    ["content-creating requests", String(r.contentRequests), ""],
    ["…in the busiest minute (virtual time)", String(r.maxContentPerMinute), r.maxContentPerMinute <= 80 ? "≤ 80 ✓" : "> 80 ✗"],
    ["comments edited (Alerts comments)", String(r.edits), ""],
    ["…creations and edits in the busiest minute", String(r.maxWritesPerMinute), r.maxWritesPerMinute <= 80 ? "≤ 80 ✓ (edits paced too)" : "> 80 ✗"],
    ["last group reflected after (virtual)", `${(r.lastReflectedMs / 1000).toFixed(0)} s`, ""],
    ["groups on no incident / on more than one", `${r.missing} / ${r.doubled}`, r.missing === 0 && r.doubled === 0 ? "every group on exactly one ✓" : "✗"],
  ];
  console.log(`## Alert storm: ${r.alerts} alerts in ${r.groups} groups, all at once\n`);
  console.log(["| measure | value | |", "| --- | --- | --- |", ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n"));
  if (r.missing > 0 || r.doubled > 0 || r.maxContentPerMinute > 80 || r.maxWritesPerMinute > 80) process.exitCode = 1;
} finally {
  await scenario.stop();
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s wall clock)`);
