import { createHmac } from "node:crypto";

/** `sha256=<hex HMAC-SHA256 of the body>`, as GitHub signs its webhooks (`X-Hub-Signature-256`). */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}
