import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../support/redis-server.js";

async function waitFor(url: string, ms: number): Promise<Response> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await fetch(url, { redirect: "manual" });
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe("npm start without credentials", () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it("serves Probot's setup page, which registers the app from app.yml", async () => {
    const port = await freePort();
    const env = { ...process.env, PORT: String(port), NODE_ENV: "development" };
    delete env.WEBHOOK_PROXY_URL;
    delete env.APP_ID;
    delete env.PRIVATE_KEY;
    delete env.PRIVATE_KEY_PATH;
    const child = spawn(
      process.execPath,
      ["--import", "./lib/coordination/preflight.js", "node_modules/probot/bin/probot.js", "run", "./lib/index.js"],
      { env, stdio: "ignore" },
    );
    stop = () => child.kill();

    const root = await waitFor(`http://localhost:${port}/`, 20_000);
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/probot");
    const page = await (await fetch(`http://localhost:${port}/probot`)).text();
    expect(page).toContain("Register GitHub App");
    expect(page).toContain("Setup firewatch");
    // The form posts the manifest built from app.yml.
    expect(page).toContain("Firewatch");
    expect(page).toContain("issues");
  });
});
