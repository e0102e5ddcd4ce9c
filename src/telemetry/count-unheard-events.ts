import type { Context, Probot } from "probot";
import type { Telemetry, WebhookOutcome } from "./telemetry.js";

/**
 * Makes `firewatch_webhooks_total` count every delivery GitHub sends, not only those a
 * handler listens to: a delivery no handler of the app registered for (`issues.edited`,
 * `pull_request.labeled`, …) counts as `ignored`. Call it before the app registers its
 * handlers: it notes each name as `app.on` registers it.
 */
export function countUnheardEvents(app: Probot, telemetry: Telemetry): void {
  const heard = new Set<string>();
  const on = app.on;
  app.on = ((names: string | string[], handler: (context: Context) => unknown) => {
    for (const name of [names].flat()) heard.add(name);
    return on(names as Parameters<Probot["on"]>[0], handler as Parameters<Probot["on"]>[1]);
  }) as Probot["on"];
  app.onAny((context) => {
    const action = (context.payload as { action?: unknown }).action;
    const event = typeof action === "string" ? `${context.name}.${action}` : context.name;
    if (heard.has(context.name) || heard.has(event)) return;
    telemetry.webhook(event, "ignored", 0);
  });
}

/** Counts a delivery whose handler does not go through the pipeline (`push`), with its outcome and time. */
export function countDelivery<C extends Context>(
  telemetry: Telemetry | undefined,
  handle: (context: C) => Promise<void>,
): (context: C) => Promise<void> {
  if (!telemetry) return handle;
  return async (context) => {
    const started = performance.now();
    let outcome: WebhookOutcome = "error";
    try {
      await handle(context);
      outcome = "handled";
    } finally {
      telemetry.webhook(context.name, outcome, (performance.now() - started) / 1000);
    }
  };
}
