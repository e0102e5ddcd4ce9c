import { createHmac } from "node:crypto";

export interface QueuedWebhook {
  id: string;
  event: string;
  action: string;
  payload: Record<string, unknown>;
}

/** What came back: an HTTP status, or status 0 with the error when the connection failed (a killed replica). */
export interface PostOutcome {
  status: number;
  text: string;
  error?: string;
}

/** POSTs a webhook signed and headed as GitHub sends it. Never throws: a dead target is an outcome. */
export async function postWebhook(target: string, secret: string, webhook: QueuedWebhook): Promise<PostOutcome> {
  const body = JSON.stringify(webhook.payload);
  const signature = createHmac("sha256", secret).update(body).digest("hex");
  try {
    const response = await fetch(target, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "GitHub-Hookshot/stand-in",
        "x-github-event": webhook.event,
        "x-github-delivery": webhook.id,
        "x-hub-signature-256": `sha256=${signature}`,
      },
      body,
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return { status: 0, text: "", error: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
}
