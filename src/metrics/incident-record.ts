import type { Severity } from "../config/schema.js";

/** One incident as the metrics see it: recomputed from GitHub's records, never typed in. */
export interface IncidentRecord {
  number: number;
  title: string;
  url: string;
  state: "open" | "closed";
  severity?: Severity;
  services: string[];
  /** When the issue was opened. */
  createdAt: string;
  /** The form's "Detected at", when given. */
  detectedAt?: string;
  /** When it became an incident (the `incident` label). */
  declaredAt?: string;
  /** The first move out of `detected`. */
  acknowledgedAt?: string;
  /** The move to `resolved` that still stands. */
  resolvedAt?: string;
}
