import { z } from "zod";
import { durationSchema } from "../time/duration.js";
import { recoveryFieldsSchema } from "./recovery-schema.js";
import { stepRunSchema } from "./step-run-schema.js";

const SEVERITIES = ["critical", "high", "medium", "low"] as const;
const name = z.string().min(1).max(60);
const severities = z.array(z.enum(SEVERITIES)).min(1).describe("Severities (`critical`, `high`, `medium`, `low`); any one matches.");
const services = z.array(name).min(1).describe("Service names, as in `.github/firewatch.yml`; any one matches.");

export const STEP_TYPES = ["assess", "communicate", "contain", "remediate", "verify"] as const;

/** Conditions on the incident; a step whose conditions do not hold is skipped. */
export const whenSchema = z
  .object({
    /** Run only at these severities. */
    severities: severities.optional(),
    /** Run only when the incident affects one of these services. */
    services: services.optional(),
  })
  .strict()
  .describe("Conditions on the incident; a step whose conditions do not hold is skipped.");

/** One step of a runbook. */
export const stepSchema = z
  .object({
    /** A unique id within the runbook (lowercase letters, digits, `-`, `_`); used by `needs`, `/step done <id>` and `/approve <id>`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "must be lowercase letters, digits, - or _ (at most 63)").describe("A unique id within the runbook; used by `needs`, `/step done <id>` and `/approve <id>`."),
    /** What the step does, shown in the checklist. */
    title: z.string().min(1).max(200).describe("What the step does, shown in the checklist."),
    /** The response phase the step belongs to. */
    type: z.enum(STEP_TYPES).describe("The response phase the step belongs to: assess, communicate, contain, remediate or verify."),
    /** How the step is carried out. */
    run: stepRunSchema,
    /** Ids of steps that must finish first. Without `needs`, a step waits for the step written before it. */
    needs: z.array(z.string()).max(50).optional().describe("Ids of steps that must finish first. Without `needs`, a step waits for the step written before it; `needs: []` starts it at once."),
    /** How long the step may take before it fails (e.g. `15m`). */
    timeout: durationSchema.optional().describe("How long the step may take before it fails (e.g. `15m`)."),
    /** Conditions under which the step runs; otherwise it is skipped. */
    when: whenSchema.optional(),
  })
  .strict()
  .describe("One step of a runbook.");

/** When a runbook starts by itself: every listed criterion must match (none listed: only by hand). */
export const triggersSchema = z
  .object({
    /** Incident severities that start the runbook. */
    severities: severities.optional(),
    /** Affected services that start the runbook. */
    services: services.optional(),
    /** Issue labels that start the runbook. */
    labels: z.array(z.string().min(1).max(50)).min(1).optional().describe("Issue labels; any one matches."),
  })
  .strict()
  .describe("When the runbook starts by itself: every listed criterion must match. Without triggers it runs only by `/runbook run <id>`.");

/** A response plan kept in `.github/runbooks/*.yml`. */
export const runbookSchema = z
  .object({
    /** What people see the runbook called, in words (e.g. `Database failover`). The runbook's id, used by `/runbook run <id>`, is its file's base name. */
    name: z.string().min(1).max(100).optional().describe("What people see the runbook called, in words (e.g. `Database failover`). The runbook's id, used by `/runbook run <id>`, is its file's base name."),
    /** `response` (default) or `recovery` (a recovery plan, with objectives, verification and communication). */
    kind: z.enum(["response", "recovery"]).default("response").describe("`response` (default) or `recovery` (a recovery plan with objectives, verification and communication)."),
    /** What the runbook is for, in Markdown. */
    description: z.string().max(4000).optional().describe("What the runbook is for, in Markdown."),
    triggers: triggersSchema.optional(),
    /** What happens when a step fails or times out: `stop` (default), `continue`, or `rollback` (run the rollback steps). */
    on_failure: z.enum(["stop", "continue", "rollback"]).default("stop").describe("When a step fails or times out: `stop` (default) and tell the responders, `continue` with the other steps, or `rollback` (run the rollback steps)."),
    /** The steps, in the order they run unless `needs` says otherwise. */
    steps: z.array(stepSchema).min(1).max(100).describe("The steps, in the order they run unless `needs` says otherwise."),
    /** Steps run, in order, when a step fails and `on_failure` is `rollback`. */
    rollback: z.array(stepSchema).max(50).default([]).describe("Steps run when a step fails and `on_failure` is `rollback`."),
    ...recoveryFieldsSchema.shape,
  })
  .strict()
  .describe("A Firewatch runbook: a response plan kept in `.github/runbooks/`.");

/** A runbook file's fields as written. */
export type RunbookFields = z.infer<typeof runbookSchema>;
/**
 * A validated runbook: `name` is its id (the file's base name, see `identifyRunbook`),
 * `title` what its `name:` says when that differs, `alias` an old slug `name:` it still answers to.
 */
export type Runbook = Omit<RunbookFields, "name"> & { name: string; title?: string; alias?: string };
export type RunbookStep = z.infer<typeof stepSchema>;
export type RunbookInput = z.input<typeof runbookSchema>;
