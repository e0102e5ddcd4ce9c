import { generateKeyPairSync } from "node:crypto";
import { Octokit } from "@octokit/rest";
import { GitHubStandIn } from "../support/github/github-stand-in.js";

/** A stand-in with acme/ops and no app, plus a plain Octokit authenticated as the installation. */
export async function startStandIn(): Promise<{ gh: GitHubStandIn; octokit: Octokit; token: string }> {
  const { publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const gh = await GitHubStandIn.start({ appPublicKey: publicKey, webhookSecret: "secret" });
  gh.addRepository({ owner: "acme", name: "ops", collaborators: { alice: "triage", bob: "maintain" } });
  const token = gh.installationToken();
  return { gh, token, octokit: new Octokit({ baseUrl: gh.urls.api, auth: token }) };
}
