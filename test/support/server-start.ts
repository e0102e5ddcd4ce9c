import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { freePort } from "./redis-server.js";
import { rsaKeyPair } from "./rsa-key-pair.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Starts the server as `npm start` does (Probot running src/index.ts, through tsx) with
 * credentials and `settings`, none of this machine's own Firewatch, Probot or Redis
 * variables, and waits for it to exit (killed after 20 s): for settings that must stop it at
 * start. Returns the exit code and everything it printed.
 */
export async function startServerUntilExit(settings: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(REDIS_URL|FIREWATCH_|APP_ID|PRIVATE_KEY|WEBHOOK_|GHE_|HOST|PORT)/.test(name)),
  );
  const child = spawn(process.execPath, ["--import", "tsx", "node_modules/probot/bin/probot.js", "run", "./src/index.ts"], {
    cwd: root,
    env: {
      ...inherited,
      APP_ID: "1",
      PRIVATE_KEY: rsaKeyPair().privateKey,
      WEBHOOK_SECRET: "x",
      NODE_ENV: "production",
      PORT: String(await freePort()),
      ...settings,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  const [code] = (await once(child, "exit")) as [number | null];
  clearTimeout(timer);
  return { code, output };
}
