import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { GitHubStandIn } from "../../test/support/github/github-stand-in.js";
import type { Comment, Issue, IssueEvent, PullRequest, Repository } from "../../test/support/github/state/model.js";
import type { StoryEvent } from "./story.js";

const REACTION_EMOJI: Record<string, string> = {
  "+1": "👍",
  "-1": "👎",
  laugh: "😄",
  confused: "😕",
  heart: "❤️",
  hooray: "🎉",
  rocket: "🚀",
  eyes: "👀",
};

export interface DemoOutput {
  dir: string;
  files: string[];
}

/** Writes what a user would see on github.com to `dir` (emptied first). */
export function writeOutput(
  gh: GitHubStandIn,
  dir: string,
  input: { story: StoryEvent[]; baseFiles: Record<string, string>; summary: string },
): DemoOutput {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  // The stand-in serves on a random local port; show its links as they would be on github.com.
  const web = gh.urls.web;
  const write = (path: string, content: string) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content.replaceAll(web, "https://github.com"));
    files.push(path);
  };

  const repo = gh.repo;
  const issues = [...repo.issues.values()].sort((a, b) => a.number - b.number);
  const pulls = gh.pulls().sort((a, b) => a.number - b.number);
  const pullFiles = new Map<number, string[]>();

  for (const issue of issues) write(`issue-${issue.number}.md`, renderIssue(repo, issue));
  for (const pull of pulls) {
    const changed = changedFiles(repo, pull, input.baseFiles);
    pullFiles.set(pull.number, [...changed.keys()]);
    write(`pull-${pull.number}.md`, renderPull(repo, pull, [...changed.keys()]));
    for (const [path, content] of changed) write(`pull-${pull.number}/${path}`, content);
  }
  const checkRuns = gh.checkRuns();
  if (checkRuns.length > 0) {
    write(
      "check-runs.md",
      [
        "# Check runs",
        "",
        ...checkRuns.flatMap((run) => [
          `## ${run.name} — ${run.status}${run.conclusion ? `, ${run.conclusion}` : ""}`,
          "",
          `Commit \`${run.headSha.slice(0, 7)}\`, started ${time(run.startedAt)}${run.completedAt ? `, completed ${time(run.completedAt)}` : ""}.`,
          "",
          run.title ? `**${run.title}**\n` : "",
          run.summary ?? "",
          "",
        ]),
      ].join("\n"),
    );
  }
  write("README.md", renderIndex(repo, issues, pulls, pullFiles, input.story, input.summary, checkRuns.length > 0));
  return { dir, files };
}

/** Files the pull request's branch adds or changes compared with the repository as seeded. */
function changedFiles(repo: Repository, pull: PullRequest, base: Record<string, string>): Map<string, string> {
  const head = repo.branches.get(pull.headRef) ?? new Map<string, string>();
  return new Map([...head].filter(([path, content]) => base[path] !== content).sort(([a], [b]) => a.localeCompare(b)));
}

function renderIssue(repo: Repository, issue: Issue): string {
  const kind = repo.pulls?.has(issue.number) ? "Pull request" : "Issue";
  const labels = [...issue.labels].sort((a, b) => a.localeCompare(b));
  const lines = [
    `# ${issue.title} #${issue.number}`,
    "",
    `${kind} in ${repo.owner.login}/${repo.name} · **${stateText(issue)}** · opened by @${issue.user.login} on ${time(issue.createdAt)}`,
    "",
    `| | |`,
    `| --- | --- |`,
    `| Labels | ${labels.map((l) => `\`${l}\``).join(" ") || "none"} |`,
    `| Assignees | ${issue.assignees.map((u) => `@${u.login}`).join(", ") || "nobody"} |`,
    `| State | ${stateText(issue)}${issue.closedAt ? ` (closed ${time(issue.closedAt)}${issue.closedBy ? ` by @${issue.closedBy.login}` : ""})` : ""} |`,
    "",
    "---",
    "",
    `### @${issue.user.login} opened this issue · ${time(issue.createdAt)}`,
    "",
    issue.body?.trim() || "_No description provided._",
    "",
  ];
  for (const item of timeline(issue)) {
    if (item.kind === "event") {
      lines.push(`> ${eventText(item.event)} · ${time(item.event.createdAt)}`, "");
    } else {
      lines.push(...renderComment(item.comment));
    }
  }
  return lines.join("\n");
}

type TimelineItem = { kind: "comment"; at: string; comment: Comment } | { kind: "event"; at: string; event: IssueEvent };

/** Comments and events in the order GitHub shows them (by time; comments and events at the same second keep their own order). */
function timeline(issue: Issue): TimelineItem[] {
  const items: TimelineItem[] = [
    ...issue.comments.map((comment) => ({ kind: "comment" as const, at: comment.createdAt, comment })),
    ...issue.events.map((event) => ({ kind: "event" as const, at: event.createdAt, event })),
  ];
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.at.localeCompare(b.item.at) || a.index - b.index)
    .map(({ item }) => item);
}

function renderComment(comment: Comment): string[] {
  const edited = comment.updatedAt !== comment.createdAt ? ` · edited ${time(comment.updatedAt)}` : "";
  const counts = new Map<string, number>();
  for (const reaction of comment.reactions) counts.set(reaction.content, (counts.get(reaction.content) ?? 0) + 1);
  const reactions = [...counts].map(([content, count]) => `${REACTION_EMOJI[content] ?? content} ${count}`).join("  ");
  return [
    "---",
    "",
    `### @${comment.user.login} commented · ${time(comment.createdAt)}${edited}`,
    "",
    comment.body.trim(),
    "",
    ...(reactions ? [`Reactions: ${reactions}`, ""] : []),
  ];
}

function eventText(event: IssueEvent): string {
  const who = `@${event.actor.login}`;
  switch (event.event) {
    case "labeled":
      return `🏷️ ${who} added the \`${event.label?.name ?? "?"}\` label`;
    case "unlabeled":
      return `🏷️ ${who} removed the \`${event.label?.name ?? "?"}\` label`;
    case "assigned":
      return `👤 ${who} assigned @${event.assignee?.login ?? "?"}`;
    case "unassigned":
      return `👤 ${who} unassigned @${event.assignee?.login ?? "?"}`;
    case "closed":
      return `🟣 ${who} closed this as ${event.stateReason === "not_planned" ? "not planned" : "completed"}`;
    case "reopened":
      return `🟢 ${who} reopened this`;
  }
}

function renderPull(repo: Repository, pull: PullRequest, files: string[]): string {
  const reviewers = [...pull.requestedReviewers.map((u) => `@${u.login}`), ...pull.requestedTeams.map((t) => `@${t.fullSlug}`)];
  const state = pull.mergedAt ? `merged by @${pull.mergedBy?.login ?? "?"} on ${time(pull.mergedAt)}` : pull.state;
  return [
    `# ${pull.title} #${pull.number}`,
    "",
    `Pull request in ${repo.owner.login}/${repo.name} · **${state}** · opened by @${pull.user.login} on ${time(pull.createdAt)}`,
    "",
    "| | |",
    "| --- | --- |",
    `| Branch | \`${pull.headRef}\` → \`${pull.baseRef}\` |`,
    `| Reviewers requested | ${reviewers.join(", ") || "none"} |`,
    `| State | ${state} |`,
    `| Files changed | ${files.map((f) => `[\`${f}\`](pull-${pull.number}/${f})`).join("<br>") || "none"} |`,
    "",
    "---",
    "",
    pull.body?.trim() || "_No description provided._",
    "",
  ].join("\n");
}

function renderIndex(
  repo: Repository,
  issues: Issue[],
  pulls: PullRequest[],
  pullFiles: Map<number, string[]>,
  story: StoryEvent[],
  summary: string,
  checkRuns: boolean,
): string {
  const pullNumbers = new Set(pulls.map((p) => p.number));
  return [
    "# Firewatch demo: a GPU out-of-memory incident, from the alert to the postmortem",
    "",
    `Generated by \`npm run demo\`: the real Firewatch app played against the GitHub stand-in (repository \`${repo.owner.login}/${repo.name}\`, on a virtual clock).`,
    "Every file here is what a person would see on github.com; nothing in it was typed by hand except what the people in the story wrote.",
    "Links point to github.com as they would in a real repository (the stand-in served them from a local port).",
    "",
    summary,
    "",
    "## What happened, in order (UTC)",
    "",
    "| time | who | what | where |",
    "| --- | --- | --- | --- |",
    ...story.map((e) => `| ${time(e.at)} | ${e.actor} | ${e.what.replace(/\|/g, "\\|")} | ${e.where ? `[${e.where}](${e.where})` : ""} |`),
    "",
    "## Issues",
    "",
    ...issues
      .filter((i) => !pullNumbers.has(i.number))
      .map((i) => `- [#${i.number} ${i.title}](issue-${i.number}.md) — ${stateText(i)}; labels: ${[...i.labels].sort().map((l) => `\`${l}\``).join(" ")}`),
    "",
    "## Pull requests",
    "",
    ...pulls.flatMap((p) => [
      `- [#${p.number} ${p.title}](pull-${p.number}.md) — ${p.mergedAt ? "merged" : p.state}`,
      ...(pullFiles.get(p.number) ?? []).map((f) => `  - [\`${f}\`](pull-${p.number}/${f})`),
    ]),
    ...(checkRuns ? ["", "## Check runs", "", "- [check-runs.md](check-runs.md)"] : []),
    "",
  ].join("\n");
}

function stateText(issue: Issue): string {
  return issue.state === "open" ? "Open" : `Closed${issue.stateReason === "not_planned" ? " (not planned)" : ""}`;
}

/** `2026-03-12 14:05 UTC` from an ISO timestamp. */
function time(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
