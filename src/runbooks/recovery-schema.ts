import { z } from "zod";
import { durationSchema } from "../time/duration.js";

/** Recovery objectives: what "recovered" means, and how fast it must happen. */
export const objectivesSchema = z
  .object({
    /** Recovery time objective: the longest acceptable time from the incident's start to recovery (e.g. `1h`). */
    rto: durationSchema.describe("Recovery time objective: the longest acceptable time from the incident's start to recovery (e.g. `1h`)."),
    /** Recovery point objective: the most data (as time) that may be lost (e.g. `15m`). */
    rpo: durationSchema.optional().describe("Recovery point objective: the most data, as time, that may be lost (e.g. `15m`)."),
    /** The service level to be back at, in words (e.g. `p95 time-to-first-token under 800 ms`). */
    service_level: z.string().min(1).max(500).optional().describe("The service level to be back at, in words (e.g. `p95 time-to-first-token under 800 ms`)."),
  })
  .strict()
  .describe("Recovery objectives: what recovered means and how fast it must happen.");

/** A criterion that shows recovery is complete. */
export const verificationSchema = z
  .object({
    /** The criterion, in words. */
    criterion: z.string().min(1).max(500).describe("The criterion, in words."),
    /** The `verify` step that checks it automatically or by hand; its failure is a failed verification. */
    step: z.string().optional().describe("The id of the `verify` step that checks it; its failure is a failed verification."),
  })
  .strict()
  .describe("A criterion that shows recovery is complete.");

/** How often one audience hears about progress. */
export const communicationSchema = z
  .object({
    /** Who the updates are for (e.g. `customers`, `executives`, `support`). */
    audience: z.string().min(1).max(60).describe("Who the updates are for (e.g. `customers`, `executives`, `support`)."),
    /** How often they get an update (e.g. `30m`); the communications role is reminded when it passes. */
    every: durationSchema.describe("How often they get an update (e.g. `30m`); the communications role is reminded when it passes."),
    /** Where the update goes (e.g. `status page`), in words. */
    channel: z.string().max(200).optional().describe("Where the update goes (e.g. `status page`)."),
  })
  .strict()
  .describe("How often one audience hears about progress.");

/** Fields only a recovery plan (`kind: recovery`) has. */
export const recoveryFieldsSchema = z.object({
  /** Recovery objectives (required for `kind: recovery`). */
  objectives: objectivesSchema.optional(),
  /** Criteria that show recovery is complete. */
  verification: z.array(verificationSchema).max(30).optional().describe("Criteria that show recovery is complete (recovery plans)."),
  /** An update cadence per audience. */
  communication: z.array(communicationSchema).max(10).optional().describe("An update cadence per audience (recovery plans)."),
});
