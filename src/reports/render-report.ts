import { computePostmortem } from "./compute-postmortem.js";
import { computeRecoveryReport } from "./compute-recovery-report.js";
import { createTemplateEnvironment } from "./environment/create-template-environment.js";
import { defaultTemplate } from "./default-templates.js";
import type { PostmortemData } from "./postmortem-data.js";
import type { RecoveryReportData } from "./recovery-report-data.js";
import type { TemplateError } from "./environment/template-error.js";

export interface ReportDataByKind {
  postmortem: PostmortemData;
  "recovery-report": RecoveryReportData;
}

export type RenderReportResult =
  | { ok: true; markdown: string; origin: "repository" | "default" }
  | {
      ok: false;
      /** What is wrong with the repository's template, at its line. */
      error: TemplateError;
      /** The same report from the default template, so a pull request can still be opened (with the error shown). */
      fallback: string | undefined;
    };

/**
 * Renders a report with the safe environment: the repository's template text when given,
 * the default otherwise. The data gets its derived facts (`computed.*`: MTTA, MTTR, RTO met,
 * the timeline diagram) here, so templates never compute or hard-code a time. Pure apart
 * from reading the packaged default template once.
 */
export function renderReport<K extends keyof ReportDataByKind>(
  kind: K,
  templateSource: string | undefined,
  data: ReportDataByKind[K],
): RenderReportResult {
  const view = { ...data, computed: compute(kind, data) };
  const env = createTemplateEnvironment();
  const origin = templateSource === undefined ? "default" : "repository";
  const result = env.render(templateSource ?? defaultTemplate(kind), view);
  if (result.ok) return { ok: true, markdown: result.output, origin };
  if (origin === "default") return { ok: false, error: result.error, fallback: undefined };
  const fallback = env.render(defaultTemplate(kind), view);
  return { ok: false, error: result.error, fallback: fallback.ok ? fallback.output : undefined };
}

function compute(kind: keyof ReportDataByKind, data: PostmortemData | RecoveryReportData) {
  return kind === "postmortem"
    ? computePostmortem(data as PostmortemData)
    : computeRecoveryReport(data as RecoveryReportData);
}
