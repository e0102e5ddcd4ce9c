import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApplicationFunctionOptions } from "probot";
import type { Telemetry } from "./telemetry.js";

type Handler = Parameters<ApplicationFunctionOptions["addHandler"]>[0];

export const METRICS_PATH = "/metrics";

/**
 * `GET /metrics`: this process's metrics in Prometheus' text format. With a token (the
 * operator's `FIREWATCH_METRICS_TOKEN`) a scrape must send `Authorization: Bearer <token>`;
 * anything else gets 401 and no metrics. Other paths are left to the next handler.
 */
export function metricsRoute(
  telemetry: Required<Pick<Telemetry, "scrape">>,
  token?: string,
): Handler {
  const expected = token ? digest(token) : undefined;
  return async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== METRICS_PATH) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return true;
    }
    if (expected && !bearerMatches(req.headers.authorization, expected)) {
      res
        .writeHead(401, {
          "www-authenticate": 'Bearer realm="firewatch metrics"',
          "content-type": "text/plain",
        })
        .end("401 Unauthorized: send Authorization: Bearer <FIREWATCH_METRICS_TOKEN>\n");
      return true;
    }
    const { contentType, text } = await telemetry.scrape();
    res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : text);
    return true;
  };
}

/** Compared as SHA-256 digests: equal lengths, so the comparison takes the same time whatever was sent. */
function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match !== null && timingSafeEqual(digest(match[1]!), expected);
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
