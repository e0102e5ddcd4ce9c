import type { Permission } from "../../../config/schema.js";
import { parseSince, type Since } from "../../../metrics/parse-since.js";
import { safeText } from "../../../markdown/index.js";
import { ok, usageError, type CommandSpec } from "../command-spec.js";

export interface MetricsArgs {
  since?: Since;
}

const usage = "/metrics [since]";

/** `/metrics`, `/metrics 90d`, `/metrics 2026-01-01`. */
export function metricsCommand(permission: Permission): CommandSpec<MetricsArgs> {
  return {
    name: "metrics",
    usage,
    summary:
      "Reply with the incident metrics report for this repository (since `90d`, `12w`, `6m` or a date).",
    permission,
    parse(args) {
      if (args.length === 0) return ok({});
      if (args.length > 1) return usageError(usage, "Give one period, such as `90d`.");
      const since = parseSince(args[0]!);
      return since.ok ? ok({ since: since.value }) : usageError(usage, safeText(since.error));
    },
  };
}
