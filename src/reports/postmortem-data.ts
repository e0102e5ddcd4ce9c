import type { MermaidDiagram } from "./mermaid/mermaid-diagram.js";

/** ISO 8601 instant in UTC, e.g. `2026-03-14T09:05:00Z`. Every time in a report is one of these, from GitHub's records. */
export type Instant = string;

/** Who wrote something and when (a `/why`, a `/lesson`, a note). */
export interface Stamped {
  readonly text: string;
  /** GitHub login, without `@`. */
  readonly author: string | null;
  readonly at: Instant | null;
}

export interface IncidentRef {
  readonly number: number;
  readonly title: string;
  /** The html_url. */
  readonly url: string;
  /** `owner/name`. */
  readonly repository: string;
}

/**
 * The postmortem template's view model. User-typed strings arrive as typed; the
 * environment neutralises them before the template sees them. Empty lists and `null`s are
 * fine: the default template says "none recorded" for them.
 */
export interface PostmortemData {
  readonly incident: IncidentRef;
  /** When the report was generated (passed in; the render reads no clock). */
  readonly generatedAt: Instant;
  /** Current severity label value, e.g. `critical`. */
  readonly severity: string;
  /** What happened, in two or three sentences (the `/resolve` text or the form's summary). */
  readonly summary: string | null;
  readonly impact: {
    /** Who or what was affected and how badly, in words. */
    readonly description: string | null;
    /** Affected services, e.g. `["inference", "gateway"]`. */
    readonly services: readonly string[];
  };
  /** Lifecycle instants from the timeline; MTTA/MTTR are computed from them. */
  readonly times: {
    /** When the problem began or was first noticed (the form's "detected at"), if given. */
    readonly detectedAt: Instant | null;
    /** When the issue became an incident. */
    readonly declaredAt: Instant;
    /** First move out of `detected`. */
    readonly acknowledgedAt: Instant | null;
    /** The move to `resolved` that still stands. */
    readonly resolvedAt: Instant | null;
  };
  /** Each status the incident was in, in order; drawn as a gantt chart. */
  readonly phases: ReadonlyArray<{ readonly status: string; readonly startedAt: Instant; readonly endedAt: Instant | null }>;
  /** People and their roles (commander, communications, scribe, or `null` for a plain responder). */
  readonly responders: ReadonlyArray<{ readonly login: string; readonly role: string | null }>;
  /** Status changes, notes, updates, runbook events, in time order. */
  readonly timeline: ReadonlyArray<{ readonly at: Instant; readonly kind: string; readonly actor: string | null; readonly text: string }>;
  readonly detection: {
    /** How it was noticed: `alert`, `customer report`, `engineer`, … */
    readonly source: string | null;
    readonly description: string | null;
    readonly alerts: ReadonlyArray<{ readonly name: string; readonly firedAt: Instant; readonly summary: string | null }>;
  };
  readonly rootCause: {
    /** The agreed root cause (`/root-cause`). */
    readonly statement: Stamped | null;
    /** The five-whys chain in the order asked (`/why`). */
    readonly whys: readonly Stamped[];
    /** Contributing factors (`/factor`). */
    readonly factors: readonly Stamped[];
    /** Fishbone causes (`/cause`), with their category. */
    readonly causes: ReadonlyArray<Stamped & { readonly category: string }>;
    /** Built by src/analysis (labels sanitised there); `null` when there is nothing to draw. */
    readonly fishboneDiagram: MermaidDiagram | null;
    readonly faultTrees: ReadonlyArray<{
      /** File name under `.github/fault-trees/`, without extension. */
      readonly name: string;
      readonly topEvent: string;
      /** Each minimal cut set as basic-event labels, smallest first. */
      readonly minimalCutSets: ReadonlyArray<readonly string[]>;
      readonly diagram: MermaidDiagram | null;
    }>;
  };
  /** What set it off (e.g. "marketing campaign email at 09:00"). */
  readonly trigger: string | null;
  readonly resolution: { readonly description: string | null; readonly resolvedBy: string | null };
  readonly runbooks: ReadonlyArray<{
    readonly name: string;
    /** The commit SHA the runbook was read at: its version. */
    readonly version: string;
    readonly startedAt: Instant | null;
    readonly finishedAt: Instant | null;
    /** `succeeded`, `failed`, `cancelled`, `running`. */
    readonly outcome: string;
    readonly steps: ReadonlyArray<{
      readonly name: string;
      /** `succeeded`, `failed`, `skipped`, `pending`, `waiting`. */
      readonly result: string;
      readonly startedAt: Instant | null;
      readonly finishedAt: Instant | null;
      /** A short excerpt of what the step reported. */
      readonly detail: string | null;
    }>;
  }>;
  /** Recovery report pull requests of the recovery plans that ran on the incident, in the order they finished. */
  readonly recoveryReports: ReadonlyArray<{
    /** The pull request's number. */
    readonly number: number;
    readonly url: string;
    /** The recovery plan's name. */
    readonly plan: string;
    /** `recovered`, `failed`, `rolled back`, `rollback failed`. */
    readonly outcome: string;
  }>;
  /** Follow-up issues (`/action`) and their current state. */
  readonly actionItems: ReadonlyArray<{
    readonly title: string;
    readonly number: number | null;
    readonly url: string | null;
    /** `open` or `closed`. */
    readonly state: string;
    readonly owner: string | null;
  }>;
  readonly lessons: {
    readonly wentWell: readonly Stamped[];
    readonly wentWrong: readonly Stamped[];
    readonly gotLucky: readonly Stamped[];
  };
  /** From src/analysis related-incidents: each with why it is related. */
  readonly relatedIncidents: ReadonlyArray<{ readonly number: number; readonly title: string; readonly url: string; readonly reasons: readonly string[] }>;
}

/** Derived by renderReport from the data above; templates read it as `computed.*`. */
export interface PostmortemComputed {
  /** declaredAt → acknowledgedAt, in ms: this incident's time to acknowledge (its part of MTTA). */
  readonly timeToAcknowledgeMs: number | null;
  /** declaredAt → resolvedAt, in ms: its time to resolve (its part of MTTR). */
  readonly timeToResolveMs: number | null;
  /** detectedAt → declaredAt, in ms, when the form gave a detection time (MTTD). */
  readonly timeToDeclareMs: number | null;
  /** The status phases as a gantt chart; `null` with no phases. */
  readonly timelineDiagram: MermaidDiagram | null;
  /** The five whys as table rows: each asks why the previous answer (first: the incident title) happened. */
  readonly fiveWhys: ReadonlyArray<{ readonly number: number; readonly question: string; readonly answer: string; readonly author: string | null }>;
  /** Action items not yet closed. */
  readonly openActionItems: number;
}
