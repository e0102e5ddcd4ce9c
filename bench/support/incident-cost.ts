/**
 * Part B of `bench/webhook-cost.ts`: the API requests Firewatch makes for one incident
 * action, as people take it on github.com, through the harness (the real app against the
 * GitHub stand-in, on its virtual clock). Only requests made during the step are counted,
 * including those of the deliveries the app's own writes cause.
 */
import type { RequestRecord } from "../../test/support/github/http/api-request-handler.js";
import { startFirewatch } from "../../test/support/firewatch.js";
import { incidentForm } from "../../test/support/incident-fixtures.js";
import { githubCost, type GitHubCost } from "../../test/support/github-cost.js";

/** A repository config that names services but configures no on-call; no runbooks in the repository. */
export const INCIDENT_CONFIG = `
services:
  inference:
    team: "@acme/ml-serving"
  gateway:
    team: "@acme/edge"
`;

const form = (summary: string) =>
  incidentForm({ summary, impact: "30% of chat completions return 503" });

export interface StepCost extends GitHubCost {
  scenario: string;
  /** What the issue asks for at most, e.g. "≤ 3 writes + 3 reads". */
  target: { writes: number; reads: number };
  /** Webhooks delivered during the step (the person's, then those the app's writes caused). */
  deliveries: string[];
  requests: RequestRecord[];
}

export interface IncidentCosts {
  steps: StepCost[];
  /** What the stand-in recorded as wrong (failed deliveries, invalid requests), if anything. */
  failure?: unknown;
}

export async function measureIncidentActions(): Promise<IncidentCosts> {
  const scenario = await startFirewatch({
    files: { ".github/firewatch.yml": INCIDENT_CONFIG },
    collaborators: { alice: "triage" },
  });
  const { gh } = scenario;
  const steps: StepCost[] = [];
  const step = async (name: string, target: StepCost["target"], act: () => void) => {
    // A minute apart: within the time the app keeps a config before reading it again (5 min today).
    gh.clock.advance("1m");
    const [requestsBefore, deliveriesBefore] = [gh.requests.length, gh.deliveries.length];
    act();
    await gh.settle();
    const requests = gh.requests.slice(requestsBefore);
    const deliveries = gh.deliveries
      .slice(deliveriesBefore)
      .map((d) => `${d.event}.${d.action} by ${(d.payload.sender as { login: string }).login}`);
    steps.push({ scenario: name, target, deliveries, requests, ...githubCost(requests) });
  };
  try {
    // A first incident, before the measured steps: the config and the app's identity are read then.
    gh.as("alice").openIssue({
      title: "[Incident] Gateway 502s",
      body: form("gateway answers 502"),
      labels: ["incident"],
    });
    await gh.settle();

    let second = 0;
    await step(
      "declare a second incident from the form (opened + labeled)",
      { writes: 3, reads: 3 },
      () => {
        second = gh.as("alice").openIssue({
          title: "[Incident] GPU OOM",
          body: form("CUDA out of memory"),
          labels: ["incident"],
        });
      },
    );
    await step("status label change (add status:investigating)", { writes: 2, reads: 3 }, () =>
      gh.as("alice").addLabels(second, ["status:investigating"]),
    );
    await step(
      "/note comment",
      { writes: 2, reads: 3 },
      () => void gh.as("alice").comment(second, "/note rolled back to vllm 0.6.3"),
    );
  } catch (error) {
    await scenario.stop().catch(() => {});
    throw error;
  }
  try {
    await scenario.stop();
    return { steps };
  } catch (failure) {
    return { steps, failure };
  }
}
