import { z } from "zod";

/**
 * Caps on the RCA notes: they live in the incident card's hidden JSON block, and a GitHub
 * comment holds at most 65,536 characters, so every list and every text is bounded.
 */
export const RCA_LIMITS = { maxWhys: 50, maxCauses: 100, maxFactors: 50, maxLessons: 50, maxTextLength: 500, maxAuthorLength: 100 } as const;

/** Ishikawa's usual "6 Ms" in plain words; a repository may configure its own list. */
export const DEFAULT_FISHBONE_CATEGORIES: readonly string[] = ["people", "process", "technology", "environment", "measurement", "materials"];

export const LESSON_KINDS = ["went-well", "went-wrong", "lucky"] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

const rcaEntrySchema = z.object({
  /** What was said, trimmed, at most RCA_LIMITS.maxTextLength characters. */
  text: z.string().min(1).max(RCA_LIMITS.maxTextLength),
  /** GitHub login of who said it. */
  author: z.string().min(1).max(RCA_LIMITS.maxAuthorLength),
  /** When it was recorded (ISO 8601, UTC), from the comment's event time. */
  at: z.iso.datetime(),
});
export type RcaEntry = z.infer<typeof rcaEntrySchema>;

/** The root-cause analysis notes of one incident, stored with the incident card. */
export const rcaStateSchema = z.object({
  /** The five-whys chain, in the order asked: each answers "why?" of the one before. */
  whys: z.array(rcaEntrySchema).max(RCA_LIMITS.maxWhys).default([]),
  /** Fishbone causes, each under one category. */
  causes: z.array(rcaEntrySchema.extend({ /** One of the configured categories, lower case. */ category: z.string().min(1).max(50) })).max(RCA_LIMITS.maxCauses).default([]),
  /** Contributing factors: made it worse or more likely, but did not cause it alone. */
  factors: z.array(rcaEntrySchema).max(RCA_LIMITS.maxFactors).default([]),
  /** What set the incident off (a deploy, a campaign, a provider change); recording a new one replaces it. */
  trigger: rcaEntrySchema.optional(),
  /** The agreed root cause; recording a new one replaces it. */
  rootCause: rcaEntrySchema.optional(),
  /** Lessons learned for the postmortem. */
  lessons: z.array(rcaEntrySchema.extend({ /** went-well, went-wrong or lucky. */ kind: z.enum(LESSON_KINDS) })).max(RCA_LIMITS.maxLessons).default([]),
});
export type RcaState = z.infer<typeof rcaStateSchema>;
export type RcaCause = RcaState["causes"][number];
export type RcaLesson = RcaState["lessons"][number];

export function emptyRcaState(): RcaState {
  return { whys: [], causes: [], factors: [], lessons: [] };
}

/** The outcome of every `add…` function: a new state, or a message to show the user. */
export type RcaUpdate = { ok: true; state: RcaState } | { ok: false; error: string };
