import { z } from "zod";

/** Label and annotation maps: Prometheus label values and annotations are strings. */
const kv = z.record(z.string(), z.string());

/**
 * One alert, as Alertmanager's `template.Alert` serialises it (prometheus/alertmanager
 * `template/template.go`): a firing alert's `endsAt` is Go's zero time
 * `0001-01-01T00:00:00Z`, or the time it is expected to end when Prometheus sent one.
 */
const alertmanagerAlert = z.object({
  status: z.enum(["firing", "resolved"]),
  labels: kv,
  annotations: kv,
  startsAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "must be a date and time"),
  endsAt: z.string(),
  generatorURL: z.string(),
  fingerprint: z.string().min(1).max(200),
});

/**
 * Alertmanager's webhook body, version 4 (prometheus/alertmanager `notify/webhook/webhook.go`
 * `Message`: `template.Data` plus `version`, `groupKey`, `truncatedAlerts`). Unknown fields
 * are kept out (not refused), so a newer Alertmanager that adds one still works.
 */
export const alertmanagerPayloadSchema = z.object({
  version: z.literal("4"),
  groupKey: z.string().min(1).max(10_000),
  truncatedAlerts: z.number().int().min(0).default(0),
  receiver: z.string(),
  status: z.enum(["firing", "resolved"]),
  alerts: z.array(alertmanagerAlert).max(10_000),
  groupLabels: kv,
  commonLabels: kv,
  commonAnnotations: kv,
  externalURL: z.string(),
});

/**
 * Grafana's webhook contact point (grafana/alerting `receivers/webhook`, Grafana's docs
 * "Configure the webhook notifier"): Alertmanager's shape (its `version` is "1") plus
 * `orgId`, `title`, `state`, `message`, and per alert `silenceURL`, `dashboardURL`,
 * `panelURL`, `values` (null when the rule has none) and `valueString`.
 */
export const grafanaPayloadSchema = alertmanagerPayloadSchema.extend({
  version: z.string(),
  orgId: z.number().int(),
  title: z.string().default(""),
  state: z.string().default(""),
  message: z.string().default(""),
  alerts: z
    .array(
      alertmanagerAlert.extend({
        silenceURL: z.string().optional(),
        dashboardURL: z.string().optional(),
        panelURL: z.string().optional(),
        values: z.record(z.string(), z.number().nullable()).nullable().optional(),
        valueString: z.string().optional(),
      }),
    )
    .max(10_000),
});

export type AlertmanagerPayload = z.infer<typeof alertmanagerPayloadSchema>;
export type GrafanaPayload = z.infer<typeof grafanaPayloadSchema>;
