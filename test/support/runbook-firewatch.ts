import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startFirewatch } from "./firewatch.js";

/** A local HTTP server standing in for the hosts runbook `http` steps call. */
export interface CheckTarget {
  /** Routes https://<allowed host>/… here (the app's allow-list check still sees the https URL). */
  fetch: typeof fetch;
  requests: string[];
  respond(path: string, status: number, body?: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startCheckTarget(): Promise<CheckTarget> {
  const routes = new Map<
    string,
    { status: number; body: string; headers: Record<string, string> }
  >();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const route = routes.get(req.url ?? "/") ?? { status: 404, body: "not found", headers: {} };
    res.writeHead(route.status, route.headers).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    requests,
    fetch: (input, init) => {
      const url = new URL(
        typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
      );
      return fetch(`${base}${url.pathname}${url.search}`, init);
    },
    respond: (path, status, body = "", headers = {}) =>
      void routes.set(path, { status, body, headers }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type { FirewatchScenarioOptions as RunbookScenarioOptions } from "./firewatch.js";

/** Firewatch with an injected fetch for `http` steps, on the virtual clock. */
export const startRunbookFirewatch = startFirewatch;
