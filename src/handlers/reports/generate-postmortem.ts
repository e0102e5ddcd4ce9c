import { loadPostmortemInput } from "../../github/load-postmortem-input.js";
import { openReportPr, type ReportPrResult } from "../../github/open-report-pr.js";
import { readRepositoryFile } from "../../github/read-repository-file.js";
import { teamsFor } from "../../incident/service-owners.js";
import { safeText } from "../../markdown/safe-text.js";
import { buildPostmortemData } from "../../reports/data/build-postmortem-data.js";
import { postmortemBranch, postmortemPath } from "../../reports/data/report-location.js";
import { reportsOf, withReports } from "../../reports/data/report-state.js";
import { templateOverridePath } from "../../reports/load-template.js";
import { renderReport } from "../../reports/render-report.js";
import type { EventScope } from "../event-scope.js";

export interface GenerateOutcome {
  ok: boolean;
  /** Markdown for the incident: what happened to the report. */
  message: string;
  result?: ReportPrResult;
}

/**
 * Renders the postmortem and opens or updates its pull request, then records it in the
 * card and says on the incident what happened. `at` is the time of the event that caused
 * it (GitHub's), which also stamps the report, so a redelivery renders the same bytes.
 * `cause` names that event for the idempotency key of the comment.
 */
export async function generatePostmortem(
  scope: EventScope,
  issue: number,
  at: string,
  cause: string,
): Promise<GenerateOutcome> {
  const { octokit, repo, config } = scope;
  const loaded = await scope.incident(issue);
  const input = await loadPostmortemInput(scope, issue, at, loaded);
  if (!input || !loaded.state)
    return {
      ok: false,
      message: "This issue is not a declared incident, so there is no postmortem to write.",
    };
  const override = await readRepositoryFile(octokit, repo, templateOverridePath("postmortem"));
  const rendered = renderReport("postmortem", override, buildPostmortemData(input));
  const notes: string[] = [];
  let markdown: string;
  if (rendered.ok) markdown = rendered.markdown;
  else {
    const { line, column, message } = rendered.error;
    notes.push(
      `⚠️ \`${templateOverridePath("postmortem")}\` line ${line}, column ${column}: ${safeText(message)}. ${rendered.fallback === undefined ? "No report was written." : "The report was written with the default template instead; fix the template and run `/postmortem` to regenerate."}`,
    );
    if (rendered.fallback === undefined)
      return say(scope, issue, cause, { ok: false, message: notes.join("\n\n") });
    markdown = rendered.fallback;
  }

  const reports = reportsOf(loaded.state);
  const record = reports.postmortem;
  const branch = postmortemBranch(issue);
  const date = loaded.history.declaredAt ?? loaded.state.declaredAt;
  const path =
    record?.path ?? postmortemPath(config.postmortem.directory, date, loaded.issue.title, issue);
  const teams = teamsFor(config, loaded.state.services);
  const result = await openReportPr(octokit, repo, {
    branch,
    path,
    markdown,
    title: `Postmortem: ${loaded.issue.title}`.slice(0, 250),
    body: [
      `The postmortem of incident #${issue}, written by Firewatch from the incident's record.`,
      "",
      "Review it like any change: correct, add what is missing, and merge when the team agrees. Merging moves the incident to `post-incident`.",
      "Once you edit the file, Firewatch no longer rewrites it; `/postmortem` on the incident regenerates it until then.",
    ].join("\n"),
    commitMessage: `Postmortem for #${issue}\n`,
    lastWrittenSha: record?.blobSha,
    teams,
  });
  const next = withReports(loaded.state, {
    ...reports,
    postmortem: {
      pr: result.number,
      branch,
      path,
      blobSha: result.outcome === "edited" ? (record?.blobSha ?? "") : result.blobSha,
      writtenAt:
        result.outcome === "opened" || result.outcome === "updated"
          ? at
          : (record?.writtenAt ?? at),
      ...(record?.mergedAt && { mergedAt: record.mergedAt }),
      ...(record?.mergedBy && { mergedBy: record.mergedBy }),
    },
  });
  scope.recordState(issue, next);
  const link = `#${result.number}`;
  const headline = {
    opened: `📝 Opened the postmortem pull request ${link} (\`${path}\`).`,
    updated: `📝 Regenerated the postmortem in ${link}.`,
    unchanged: `📝 The postmortem in ${link} is already up to date.`,
    edited: `✋ \`${path}\` in ${link} was edited since Firewatch wrote it, so Firewatch left it alone. Copy in what changed by hand, or delete the file on the branch and run \`/postmortem\` to have it written again.`,
    merged: `The postmortem ${link} is merged already; Firewatch does not rewrite an accepted postmortem.`,
  }[result.outcome];
  if (result.refusedTeams.length > 0) {
    notes.push(
      `Could not ask ${result.refusedTeams.map((t) => `\`${t}\``).join(", ")} for a review: GitHub refused (the team may not have access to this repository). Ask reviewers on ${link} by hand.`,
    );
  }
  return say(scope, issue, cause, {
    ok: result.outcome !== "merged",
    message: [headline, ...notes].join("\n\n"),
    result,
  });
}

async function say(
  scope: EventScope,
  issue: number,
  cause: string,
  outcome: GenerateOutcome,
): Promise<GenerateOutcome> {
  await scope.apply([
    { kind: "createComment", issue, key: `postmortem-${cause}`, body: outcome.message },
  ]);
  return outcome;
}
