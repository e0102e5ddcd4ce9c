import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createProbot, createNodeMiddleware } from "probot";
import { expect, it } from "vitest";
import { CoordinationUnavailable } from "../../src/coordination/coordination-unavailable.js";
import { postWebhook } from "../support/github/webhooks/post-webhook.js";
import { rsaKeyPair } from "../support/rsa-key-pair.js";

it("a handler that throws CoordinationUnavailable makes Probot answer the webhook 503", async () => {
  const secret = "webhook-secret";
  const probot = createProbot({
    env: {
      APP_ID: "1",
      PRIVATE_KEY: rsaKeyPair().privateKey,
      WEBHOOK_SECRET: secret,
      LOG_LEVEL: "fatal",
    },
  });
  const middleware = await createNodeMiddleware(
    (app) => {
      app.on("issues.opened", async () => {
        throw new CoordinationUnavailable("Redis is away");
      });
    },
    { probot },
  );
  const server = createServer((req, res) => {
    void middleware(req, res, () => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const outcome = await postWebhook(`http://127.0.0.1:${port}/api/github/webhooks`, secret, {
      id: "delivery-503",
      event: "issues",
      action: "opened",
      payload: {
        action: "opened",
        issue: { number: 1 },
        repository: { name: "ops", owner: { login: "acme" } },
      },
    });
    expect(outcome.status).toBe(503);
    expect(outcome.text).toContain("CoordinationUnavailable: Redis is away");
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
