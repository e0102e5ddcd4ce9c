import { z } from "zod";

/** The incident severities (schema.ts's SEVERITIES; repeated here because schema.ts imports this file). */
const SEVERITY_VALUES = ["critical", "high", "medium", "low"] as const;

const labelName = z
  .string()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,99}$/, "must be a Prometheus label name such as severity");

/**
 * Alerts from Prometheus Alertmanager and Grafana (see the README's "Alerts" section): which
 * alerts declare an incident, how their labels map to the incident's, and what happens when
 * they resolve or fire again. The endpoint itself is enabled by the operator
 * (`FIREWATCH_ALERT_TOKEN`), never by this file.
 */
export const alertsConfigSchema = z
  .object({
    /** The alert label that carries the alert's severity. */
    severity_label: labelName.default("severity"),
    /**
     * Alert severity (the value of `severity_label`) → incident severity. An alert whose
     * severity is not listed gets `default_severity`.
     */
    severity_map: z
      .record(z.string().min(1).max(100), z.enum(SEVERITY_VALUES))
      .default({
        critical: "critical",
        page: "critical",
        error: "high",
        high: "high",
        warning: "medium",
        medium: "medium",
        info: "low",
        low: "low",
      }),
    /** The alert label that names the affected service (it becomes the incident's services). */
    service_label: labelName.default("service"),
    /** Which alert groups declare an incident. The others are noted, or ignored (`others`). */
    declare: z
      .object({
        /** Incident severities (after `severity_map`) that declare; the group's highest firing alert counts. */
        severities: z.array(z.enum(SEVERITY_VALUES)).min(1).default(["critical", "high"]),
        /**
         * Label matchers, all of which at least one firing alert of the group must meet: label →
         * allowed value or values (e.g. `team: [llm, platform]`). Empty: no label condition.
         */
        match: z
          .record(labelName, z.union([z.string(), z.array(z.string()).min(1).max(50)]))
          .default({}),
      })
      .strict()
      .prefault({}),
    /**
     * A group that does not declare: `note` adds it to the Alerts comment of the open alert
     * incident of the same service (ignored when there is none), `ignore` drops it.
     */
    others: z.enum(["note", "ignore"]).default("note"),
    /**
     * When every alert of the incident's group has resolved: `note` (only the Alerts comment
     * says so — people decide), `recovering` (move to `recovering`), or
     * `resolve-unacknowledged` (resolve it when nobody acknowledged it: a flap; otherwise a note).
     */
    on_resolved: z.enum(["note", "recovering", "resolve-unacknowledged"]).default("note"),
    /**
     * A group that fires again within this many minutes of its incident being closed
     * reopens it; later, it opens a new incident that links the old one as related.
     */
    reopen_window_minutes: z.number().int().min(0).max(60 * 24 * 30).default(60 * 24),
    /** Alert storms: at most `max_new_incidents` new alert incidents per `window_minutes`; the rest gather on one "alert storm" incident. */
    storm: z
      .object({
        max_new_incidents: z.number().int().min(1).max(100).default(5),
        window_minutes: z.number().int().min(1).max(24 * 60).default(10),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

export type AlertsConfig = z.infer<typeof alertsConfigSchema>;
