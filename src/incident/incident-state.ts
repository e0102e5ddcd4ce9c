import { z } from "zod";
import { rcaStateSchema } from "../analysis/rca-state.js";
import { STATUSES } from "./lifecycle.js";
import { reportsStateSchema } from "../reports/data/report-state.js";
import { notifyStateSchema } from "../notify/notify-state.js";

const stamp = { at: z.string(), by: z.string() };
const entry = z.object({
  ...stamp,
  text: z.string(),
  /** The comment it came from. */ url: z.string().optional(),
});

/**
 * What an incident knows that labels cannot hold. It is stored as JSON in a hidden block
 * of the incident card comment (DESIGN.md "State"), so every replica and a restarted app
 * read the same facts. Unknown fields written by newer versions are kept.
 */
export const incidentStateSchema = z
  .object({
    v: z.literal(1).default(1),
    /** When the incident was declared, and by whom. */
    declaredAt: z.string(),
    declaredBy: z.string(),
    /** "Detected at" from the issue form, when given (ISO 8601). */
    detectedAt: z.string().optional(),
    summary: z.string().default(""),
    impact: z.string().default(""),
    links: z.array(z.string()).default([]),
    services: z.array(z.string()).default([]),
    /** Roles by name (`commander`) → login. */
    roles: z.record(z.string(), z.string()).default({}),
    notes: z.array(entry).default([]),
    updates: z.array(entry).default([]),
    actions: z
      .array(
        z.object({ ...stamp, issue: z.number(), title: z.string(), owner: z.string().optional() }),
      )
      .default([]),
    resolution: entry.optional(),
    /** Runbook executions on this incident, newest last; each one's own state is in its runbook comment. */
    runbooks: z
      .array(
        z.object({
          name: z.string(),
          executionId: z.string(),
          status: z.string(),
          startedAt: z.string(),
          startedBy: z.string(),
          endedAt: z.string().optional(),
          commentId: z.number().optional(),
        }),
      )
      .optional(),
    /** What was missing or invalid at declaration, by field; the card asks for each until a command fixes it. */
    problems: z.array(z.object({ field: z.string(), text: z.string() })).default([]),
    /** Who asked for each status change the app made on their behalf (`/ack`, `/status`, `/resolve`), with the comment's time. */
    statusCredits: z
      .array(z.object({ status: z.string(), by: z.string(), at: z.string() }))
      .default([]),
    /** Incidents that looked related when this one was declared (close in time, same service). */
    related: z
      .array(
        z.object({
          number: z.number(),
          title: z.string(),
          strength: z.string(),
          reasons: z.array(z.string()),
        }),
      )
      .default([]),
    /** Comment ids whose commands were carried out, so a redelivered comment is not obeyed twice. */
    handled: z.array(z.number()).default([]),
    /**
     * The status history as derived from GitHub's issue events when the card was last written.
     * A delivery whose labels still show that status renders the card from it instead of
     * reading the events again; any status change reads them.
     */
    history: z
      .object({
        entries: z
          .array(
            z.object({
              status: z.enum(STATUSES),
              at: z.string(),
              by: z.string(),
              regression: z.boolean(),
            }),
          )
          .max(200),
        current: z.enum(STATUSES).optional(),
        declaredAt: z.string().optional(),
        acknowledgedAt: z.string().optional(),
        resolvedAt: z.string().optional(),
      })
      .optional()
      .catch(undefined),
    /** Root-cause analysis notes (`/why`, `/cause`, `/factor`, `/root-cause`, `/lesson`); unreadable notes are dropped, never the card. */
    rca: rcaStateSchema.optional().catch(undefined),
    /** The postmortem pull request and the fault trees attached for the reports. */
    reports: reportsStateSchema.optional().catch(undefined),
    /** What the notification channels last heard of the incident, and each one's last delivery; unreadable → dropped, never the card. */
    notify: notifyStateSchema.optional().catch(undefined),
    /** Notification channels that running recovery plans name in `communication[].channel`: `/update`s go there too. */
    planChannels: z.array(z.string()).optional(),
  })
  .passthrough();

export type IncidentState = z.infer<typeof incidentStateSchema>;
export type StampedText = z.infer<typeof entry>;
