import type { IncomingMessage } from "node:http";

/** Alert bodies larger than this are refused (413): Alertmanager's `max_alerts` keeps real ones far smaller. */
export const MAX_ALERT_BODY_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {
  constructor() {
    super(`the request body is larger than ${MAX_ALERT_BODY_BYTES} bytes (1 MB)`);
  }
}

/**
 * Reads the body itself (Probot parses nothing on custom routes), refusing anything over
 * the limit as soon as the declared length or the bytes read so far say so.
 */
export async function readRequestBody(req: IncomingMessage, limit = MAX_ALERT_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
