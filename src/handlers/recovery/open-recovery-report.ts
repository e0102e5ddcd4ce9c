import { openReportPr } from "../../github/open-report-pr.js";
import { readRepositoryFile } from "../../github/read-repository-file.js";
import { teamsFor } from "../../incident/service-owners.js";
import { safeText } from "../../markdown/safe-text.js";
import { computeRecoveryReport } from "../../reports/compute-recovery-report.js";
import { buildRecoveryReportData } from "../../reports/data/build-recovery-report-data.js";
import { recoveryBranch, recoveryPath } from "../../reports/data/recovery-location.js";
import { reportsOf, withReports } from "../../reports/data/report-state.js";
import { formatDuration } from "../../time/duration.js";
import { templateOverridePath } from "../../reports/load-template.js";
import { renderReport } from "../../reports/render-report.js";
import type { ExecutionState } from "../../runbooks/engine/execution-state.js";
import type { EventScope } from "../event-scope.js";
import { loadRunbookFile } from "../runbooks/runbook-files.js";

/**
 * Opens (or brings up to date) the recovery report pull request of a finished run of a
 * recovery plan, records it in the card and says so on the incident once. The report is
 * stamped with the plan's end, so a redelivery renders the same bytes: one pull request.
 */
export async function openRecoveryReport(
  scope: EventScope,
  issue: number,
  execution: ExecutionState,
): Promise<void> {
  const { octokit, repo, config } = scope;
  const loaded = await scope.incident(issue);
  const file = await loadRunbookFile(scope, execution.file, execution.sha);
  if (!loaded.state || !file.runbook) return;
  const declaredAt = loaded.history.declaredAt ?? loaded.state.declaredAt;
  const detectedAt = loaded.state.detectedAt;
  const fromDetection =
    detectedAt !== undefined && Date.parse(detectedAt) <= Date.parse(declaredAt);
  const data = buildRecoveryReportData({
    plan: file.runbook,
    execution,
    incident: {
      number: issue,
      title: loaded.issue.title,
      url: loaded.issue.url,
      repository: `${repo.owner}/${repo.repo}`,
    },
    incidentStart: fromDetection
      ? { at: detectedAt, from: "detected" }
      : { at: declaredAt, from: "declared" },
    generatedAt: execution.endedAt ?? scope.deps.now().toISOString(),
  });
  const override = await readRepositoryFile(octokit, repo, templateOverridePath("recovery-report"));
  const rendered = renderReport("recovery-report", override, data);
  const notes: string[] = [];
  const markdown = rendered.ok ? rendered.markdown : rendered.fallback;
  if (!rendered.ok) {
    const { line, column, message } = rendered.error;
    notes.push(
      `⚠️ \`${templateOverridePath("recovery-report")}\` line ${line}, column ${column}: ${safeText(message)}. ${markdown === undefined ? "No report was written." : "The report was written with the default template instead."}`,
    );
  }
  const key = `recovery-report-${execution.executionId}`;
  if (markdown === undefined) {
    await scope.apply([{ kind: "createComment", issue, key, body: notes.join("\n\n") }]);
    return;
  }

  const reports = reportsOf(loaded.state);
  const record = reports.recovery?.find((r) => r.executionId === execution.executionId);
  const branch = recoveryBranch(issue, execution.runbook, execution.executionId);
  const path =
    record?.path ??
    recoveryPath(
      config.postmortem.directory,
      declaredAt,
      loaded.issue.title,
      issue,
      execution.runbook,
      execution.executionId,
    );
  const result = await openReportPr(octokit, repo, {
    branch,
    path,
    markdown,
    title: `Recovery report: ${execution.runbook} — ${loaded.issue.title}`.slice(0, 250),
    body: [
      `How recovery plan \`${execution.runbook}\` went on incident #${issue}, written by Firewatch from the plan's run: its objectives against what happened, every step with its real times, the verification and any rollback.`,
      "",
      "Review it like any change; merge it when the team agrees. Once you edit the file, Firewatch no longer rewrites it.",
    ].join("\n"),
    commitMessage: `Recovery report for #${issue} (${execution.runbook})\n`,
    lastWrittenSha: record?.blobSha,
    teams: teamsFor(config, loaded.state.services),
  });
  const entry = {
    executionId: execution.executionId,
    plan: execution.runbook,
    outcome: execution.status,
    pr: result.number,
    branch,
    path,
    blobSha: result.outcome === "edited" ? (record?.blobSha ?? "") : result.blobSha,
    writtenAt:
      result.outcome === "opened" || result.outcome === "updated"
        ? data.generatedAt
        : (record?.writtenAt ?? data.generatedAt),
  };
  const recovery = [
    ...(reports.recovery ?? []).filter((r) => r.executionId !== execution.executionId),
    entry,
  ];
  scope.recordState(issue, withReports(loaded.state, { ...reports, recovery }));
  const computed = computeRecoveryReport(data);
  const rto = file.runbook.objectives?.rto;
  const took = formatDuration(computed.recoveryTimeMs);
  const verdict =
    computed.recoveryTimeMs === null ? "not met: the plan did not bring the service back"
    : computed.rtoMet === true ? `met (recovered in ${took} from when the incident was ${data.run.incidentStartedFrom})`
    : computed.rtoMet === false ? `**missed** (recovered in ${took} from when the incident was ${data.run.incidentStartedFrom})`
    : "unknown";
  const headline = `📝 Recovery plan \`${execution.runbook}\` ended **${data.run.outcome}**; the recovery report is in #${result.number} (\`${path}\`). RTO ${rto ?? "not set"}: ${verdict}.`;
  await scope.apply([
    { kind: "createComment", issue, key, body: [headline, ...notes].join("\n\n") },
  ]);
}
