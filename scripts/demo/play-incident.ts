import type { GitHubStandIn } from "../../test/support/github/github-stand-in.js";
import { Story } from "./story.js";

/** What the incident form produces for the story's incident (GitHub renders the form as `### Label` sections). */
export const INCIDENT_TITLE = "[Incident] inference: CUDA out of memory, chat completions failing";

const FORM_BODY = [
  "### Summary",
  "",
  "inference: chat completions failing with CUDA out of memory since about 14:00",
  "",
  "### Severity",
  "",
  "critical",
  "",
  "### Affected services",
  "",
  "inference, gateway",
  "",
  "### Impact",
  "",
  "~45% of chat completions return 503; p95 time-to-first-token 11s (normally 600ms). Free and paid tiers both affected.",
  "",
  "### Detected at",
  "",
  "2026-03-12 14:02 UTC",
  "",
  "### Links",
  "",
  "https://grafana.example.com/d/vllm-serving · alert: InferenceErrorRateHigh",
].join("\n");

export interface PlayedIncident {
  story: Story;
  incident: number;
  postmortemPull: number;
}

/**
 * A critical GPU out-of-memory incident on the inference service after a marketing
 * campaign, from the alert to the merged postmortem, played by people on the stand-in.
 */
export async function playIncident(gh: GitHubStandIn): Promise<PlayedIncident> {
  const story = new Story(gh);

  story.at("14:00").note("marketing", "The spring campaign goes out: free-tier users get GPT-class chat for a week.");
  story.at("14:02").note("alertmanager", "`InferenceErrorRateHigh` fires: 5xx on /v1/chat/completions above 20%.");

  // 14:05 — support saw the alert in the channel and declares from the issue form.
  story.at("14:05");
  const n = gh.as("lena").openIssue({ title: INCIDENT_TITLE, body: FORM_BODY, labels: ["incident"] });
  story.log("lena", "Declares the incident with the 🔥 Incident issue form (critical; inference, gateway).", `issue-${n}.md`);
  await gh.settle();
  story.log("firewatch[bot]", "Firewatch labels it `status:detected` and `severity:critical`, assigns the on-call people of both services, posts the incident card and starts the matching runbook `gpu-oom-inference`.", `issue-${n}.md`);

  story.at("14:07");
  await story.comment("amara", n, "/ack", "`/ack`: acknowledged (status → investigating).");

  story.at("14:09");
  await story.comment(
    "priya",
    n,
    "Taking command.\n\n/commander @priya\n/role communications @dana",
    "`/commander @priya`, `/role communications @dana`.",
  );

  story.at("14:13");
  await story.comment(
    "amara",
    n,
    "/status identified vLLM pods on all three pools hit CUDA OOM: KV cache at 100%, 900 requests waiting",
    "`/status identified …`: cause of the errors found.",
  );

  story.at("14:14");
  tickRunbookStep(gh, "amara", n, "gpu-oom-inference", "Confirm GPU OOM in the inference logs and vLLM metrics");
  story.log("amara", "Ticks “Confirm GPU OOM” in the runbook checklist; the runbook moves the incident to containing.", `issue-${n}.md`);
  await gh.settle();

  story.at("14:16");
  await story.comment(
    "dana",
    n,
    "/update Chat completions are failing for about half of requests since 14:00 UTC. The team has found the cause (GPU memory exhausted by a traffic surge) and is adding capacity. Next update by 14:45.",
    "`/update …`: first stakeholder update.",
  );

  story.at("14:19");
  await story.comment(
    "marco",
    n,
    "/note The 14:00 release also moved inference to model v2.4 (32k context), which needs about twice the KV cache per request of v2.3. Rolling back frees memory right away.",
    "`/note`: the 14:00 release also shipped a model with a bigger KV-cache footprint.",
  );

  story.at("14:21");
  await story.comment(
    "priya",
    n,
    "Agreed, roll back the model while we scale out.\n\n/runbook run model-quality-regression",
    "`/runbook run model-quality-regression`: starts the model rollback runbook by hand.",
  );

  story.at("14:23");
  await story.comment(
    "marco",
    n,
    '/step done confirm-regression "v2.4 OOMs at 60% of the load v2.3 served; v2.3 is the last good version"',
    "`/step done confirm-regression`.",
  );

  story.at("14:24");
  await story.comment("priya", n, "/approve approve-rollback", "`/approve approve-rollback`: the runbook dispatches the `rollback-model.yml` workflow.");

  story.at("14:31");
  const run = gh.completeWorkflowRun(/Roll back inference to previous/, "success");
  story.log("github-actions", `Workflow run “${run.displayTitle}” concludes success; the runbook posts its announcement.`, `issue-${n}.md`);
  await gh.settle();

  story.at("14:33");
  await story.comment(
    "amara",
    n,
    '/step done scale-out "inference 12 → 18 replicas, all Ready at 14:32"',
    "`/step done scale-out` (GPU OOM runbook).",
  );

  story.at("14:36");
  await story.comment(
    "kenji",
    n,
    '/step done shed-load "429 gate on for free tier at the gateway; max_num_seqs 256 → 160"',
    "`/step done shed-load`: the gateway sheds free-tier load.",
  );

  story.at("14:44");
  await story.comment(
    "dana",
    n,
    "/update Error rate is back under 1% since 14:40 UTC after a model rollback and extra GPU capacity. Free-tier requests may see 429s for the next hour. Next update by 15:30.",
    "`/update …`: second stakeholder update.",
  );

  story.at("14:52");
  await story.comment(
    "amara",
    n,
    '/step done verify-recovery "queue drained; TTFT p95 640 ms for 10 minutes"\n/step done verify-quality "online eval at v2.3 baseline"\n/status recovering',
    "`/step done verify-recovery`, `/step done verify-quality`, `/status recovering`: both runbooks finish.",
  );

  // The root-cause analysis, written while it is fresh.
  story.at("15:05");
  await story.comment("priya", n, "/why Chat completions failed because every vLLM pod ran out of GPU memory (CUDA OOM)", "`/why` 1: the service was down because the pods hit CUDA OOM.");
  story.at("15:06");
  await story.comment("amara", n, "/why GPU memory ran out because concurrent requests grew 300% in 20 minutes and filled the KV cache", "`/why` 2: requests +300% filled the KV cache.");
  story.at("15:08");
  await story.comment("dana", n, "/why Requests grew because the spring marketing campaign went out at 14:00 with a free-tier promotion", "`/why` 3: the marketing campaign.");
  story.at("15:09");
  await story.comment("priya", n, "/why Nobody told the serving team about the campaign, so no extra capacity was provisioned", "`/why` 4: no one told the serving team.");
  story.at("15:11");
  await story.comment("amara", n, "/why We have no capacity planning for launches and the GPU pools do not autoscale", "`/why` 5: no capacity planning or autoscaling.");

  story.at("15:14");
  await story.comment(
    "priya",
    n,
    [
      "/cause process Launches and campaigns are not reviewed for capacity",
      "/cause technology GPU pools have a fixed replica count, no autoscaling",
      "/cause technology Model v2.4 doubled the KV cache per request",
      "/cause measurement No alert on KV-cache usage, only on the error rate",
      "/factor The model rollout and the campaign went out in the same hour",
      "/root-cause No capacity planning or autoscaling for the GPU pools, so a +300% surge exhausted GPU memory",
    ].join("\n"),
    "`/cause` ×4, `/factor`, `/root-cause`: the fishbone and the agreed root cause.",
  );

  story.at("15:17");
  await story.comment(
    "amara",
    n,
    [
      "/lesson went-well The GPU OOM runbook had the first step ticked within 9 minutes of the alert",
      "/lesson went-wrong We learned about the campaign from the error rate",
      "/lesson lucky The rollback workflow had been tested the week before",
      "/fault-tree inference-unavailable",
    ].join("\n"),
    "`/lesson` ×3 and `/fault-tree inference-unavailable`: the app replies with its minimal cut sets.",
  );

  story.at("15:20");
  await story.comment(
    "priya",
    n,
    [
      "/action Add HPA autoscaling for the inference GPU pools @amara",
      "/action Add capacity review to the launch checklist @dana",
      "/action Alert on gpu_cache_usage_perc above 90% @marco",
    ].join("\n"),
    "`/action` ×3: follow-up issues, each with its owner.",
  );

  story.at("15:24");
  await story.comment(
    "priya",
    n,
    "/resolve Rolled inference back to model v2.3, scaled out 12 → 18 replicas and shed free-tier load; errors under 1% since 14:40",
    "`/resolve …`: resolved and closed; the app opens the postmortem pull request and asks the owning teams to review.",
  );

  const pulls = gh.pulls();
  const pull = pulls.find((p) => p.headRef === `firewatch/postmortem-${n}`);
  if (!pull) throw new Error(`demo: no postmortem pull request was opened for #${n} (pull requests: ${pulls.map((p) => p.headRef).join(", ") || "none"})`);

  story.at("+1d 10:30");
  gh.as("priya").mergePullRequest(pull.number);
  story.log("priya", `Merges the reviewed postmortem pull request #${pull.number}; the incident moves to post-incident.`, `pull-${pull.number}.md`);
  await gh.settle();

  story.at("+1d 10:35");
  await story.comment("priya", n, "/metrics 30d", "`/metrics 30d`: the repository's incident metrics.");

  return { story, incident: n, postmortemPull: pull.number };
}

/** A responder ticks a runbook checklist item by editing the runbook's comment, as on github.com. */
function tickRunbookStep(gh: GitHubStandIn, actor: string, issue: number, runbook: string, stepTitle: string): void {
  const box = `- [ ] **${stepTitle}**`;
  const comment = gh.issue(issue).comments.find((c) => c.body.includes(runbook) && c.body.includes(box));
  if (!comment) throw new Error(`demo: no unticked “${stepTitle}” in a ${runbook} runbook comment on #${issue}`);
  gh.as(actor).editComment(comment.id, comment.body.replace(box, `- [x] **${stepTitle}**`));
}
