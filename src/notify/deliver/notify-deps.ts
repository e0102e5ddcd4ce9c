import type { AppDeps } from "../../app/deps.js";
import type { DeliverInput } from "./deliver-message.js";

/** What sending notifications takes from the app's surroundings: the server's environment, the clock, the timeout, telemetry. */
export function notifyDeps(deps: AppDeps): DeliverInput {
  return {
    env: deps.env ?? {},
    deps: {
      now: deps.now,
      sleep: deps.sleep,
      timeoutSignal: deps.notifyTimeout,
      telemetry: deps.telemetry,
    },
  };
}
