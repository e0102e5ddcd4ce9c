import { Octokit } from "@octokit/rest";
import { GitHubStandIn } from "../support/github/github-stand-in.js";
import { rsaKeyPair } from "../support/rsa-key-pair.js";

/** A stand-in with acme/ops and no app, plus a plain Octokit authenticated as the installation. */
export async function startStandIn(): Promise<{ gh: GitHubStandIn; octokit: Octokit; token: string }> {
  const { publicKey } = rsaKeyPair();
  const gh = await GitHubStandIn.start({ appPublicKey: publicKey, webhookSecret: "secret" });
  gh.addRepository({ owner: "acme", name: "ops", collaborators: { alice: "triage", bob: "maintain" } });
  const token = gh.installationToken();
  return { gh, token, octokit: new Octokit({ baseUrl: gh.urls.api, auth: token, log: quietLog }) };
}

/** The expected 4xx/5xx of these tests would otherwise be logged by Octokit as warnings. */
const quietLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
