import type { ChannelConfig } from "../../config/notifications-schema.js";
import { NOTIFY_ENV_PREFIX } from "../../config/notifications-schema.js";
import type { Telemetry } from "../../telemetry/telemetry.js";
import type { NotificationMessage } from "../notification-message.js";
import type { ChannelDelivery } from "../notify-state.js";
import { postNotification, type PostDeps } from "./post-notification.js";
import { deliveryId, renderForKind } from "../render/render-for-kind.js";
import { signBody } from "./sign-body.js";

export interface DeliverInput {
  /** The server's environment: where the webhook URLs and secrets are. */
  env: Readonly<Record<string, string | undefined>>;
  deps: PostDeps & { telemetry?: Telemetry };
}

/**
 * Renders one message for one channel and sends it, signed for `kind: webhook`; returns the
 * delivery to record. A variable that is not set (or holds no http(s) URL) skips the send and
 * is recorded as failed, naming the variable and never its value. Never throws.
 */
export async function deliverMessage(
  input: DeliverInput,
  channel: string,
  config: ChannelConfig,
  message: NotificationMessage,
): Promise<ChannelDelivery> {
  const at = input.deps.now().toISOString();
  const record = (outcome: "sent" | "failed", rest: Partial<ChannelDelivery>): ChannelDelivery => ({
    kind: config.kind,
    event: message.event,
    outcome,
    attempts: 0,
    at,
    ...rest,
  });
  const url = readVariable(input.env, config.url_env);
  const secret = config.secret_env ? readVariable(input.env, config.secret_env) : undefined;
  if (!url || (config.kind === "webhook" && !secret)) {
    input.deps.telemetry?.notification(config.kind, "skipped");
    const missing = !url ? config.url_env : config.secret_env;
    return record("failed", { reason: `\`${missing}\` is not set on the server` });
  }
  if (!/^https?:\/\//i.test(url)) {
    input.deps.telemetry?.notification(config.kind, "skipped");
    return record("failed", { reason: `\`${config.url_env}\` does not hold an http(s) URL` });
  }
  const delivery = deliveryId(message, channel);
  const body = JSON.stringify(renderForKind(config.kind, message, delivery));
  const headers: Record<string, string> = { "user-agent": "Firewatch" };
  if (config.kind === "webhook" && secret) {
    headers["x-firewatch-event"] = message.event;
    headers["x-firewatch-delivery"] = delivery;
    headers["x-firewatch-signature-256"] = signBody(body, secret);
  }
  const result = await postNotification(input.deps, { url, body, headers });
  input.deps.telemetry?.notification(config.kind, result.outcome);
  return record(result.outcome, {
    attempts: result.attempts,
    at: input.deps.now().toISOString(),
    ...(result.status !== undefined ? { status: result.status } : {}),
    ...(result.outcome === "failed" && result.reason ? { reason: result.reason } : {}),
  });
}

/** Only `FIREWATCH_NOTIFY_*` variables are ever read, whatever the config got past validation. */
function readVariable(env: DeliverInput["env"], name: string): string | undefined {
  return name.startsWith(NOTIFY_ENV_PREFIX) ? env[name] || undefined : undefined;
}
