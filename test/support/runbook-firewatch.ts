import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpNetwork } from "../../src/handlers/runbooks/http-check.js";
import { PINNED_ADDRESS, type PinnedDispatcher } from "../../src/handlers/runbooks/pinned-dispatcher.js";
import type { ResolveHost } from "../../src/handlers/runbooks/resolve-host.js";
import { PUBLIC_TEST_ADDRESS, startFirewatch } from "./firewatch.js";

/** A local HTTP server standing in for the hosts runbook `http` steps call. */
export interface CheckTarget {
  /** Routes https://<allowed host>/… here (the app's allow-list check still sees the https URL). */
  fetch: typeof fetch;
  requests: string[];
  /**
   * Each request's host and the address it was pinned to (`status.example.com → 203.0.113.10`).
   * A request without a pinned address is refused: the app must never let fetch look names up.
   */
  connections: string[];
  /** What names resolve to: `PUBLIC_TEST_ADDRESS` unless `resolveTo` said otherwise. Never real DNS. */
  resolve: ResolveHost;
  resolveTo(host: string, addresses: string[] | Error): void;
  /** fetch and resolve together, with no operator ranges, for calling performHttpCheck directly. */
  network: HttpNetwork;
  respond(path: string, status: number, body?: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startCheckTarget(): Promise<CheckTarget> {
  const routes = new Map<
    string,
    { status: number; body: string; headers: Record<string, string> }
  >();
  const requests: string[] = [];
  const connections: string[] = [];
  const answers = new Map<string, string[] | Error>();
  const resolve: ResolveHost = (host) => {
    const answer = answers.get(host) ?? [PUBLIC_TEST_ADDRESS];
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const route = routes.get(req.url ?? "/") ?? { status: 404, body: "not found", headers: {} };
    res.writeHead(route.status, route.headers).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const checkFetch: typeof fetch = (input, init) => {
    const url = new URL(
      typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
    );
    // The pinned dispatcher would connect to the checked (public) address: read it, then
    // drop it so the request goes to this loopback server and nowhere else.
    const { dispatcher, ...rest } = (init ?? {}) as RequestInit & { dispatcher?: Partial<PinnedDispatcher> };
    const pinned = dispatcher?.[PINNED_ADDRESS];
    if (pinned === undefined) return Promise.reject(new Error("test network: a request without a pinned address"));
    connections.push(`${url.hostname} → ${pinned}`);
    return fetch(`${base}${url.pathname}${url.search}`, rest);
  };
  return {
    requests,
    connections,
    resolve,
    resolveTo: (host, addresses) => void answers.set(host, addresses),
    network: { fetch: checkFetch, resolve, allowCidrs: [] },
    fetch: checkFetch,
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
