import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { decideLabelChange, type IssueChange } from "../../src/incident/decide-label-change.js";
import { labelNames } from "../../src/incident/label-names.js";
import type { Status } from "../../src/incident/lifecycle.js";

const names = labelNames(configSchema.parse({}));

function decide(
  change: IssueChange,
  labels: string[],
  previous: Status | undefined,
  open = true,
  newest?: string,
) {
  const d = decideLabelChange(change, {
    issue: 7,
    labels,
    open,
    previous,
    names,
    newestStatusLabel: newest,
  });
  const set = d.effects.find((e) => e.kind === "setLabels");
  return {
    add: set?.kind === "setLabels" ? set.add : [],
    remove: set?.kind === "setLabels" ? set.remove : [],
    close: d.effects.some((e) => e.kind === "setIssueState"),
    refused: d.refusal !== undefined,
  };
}

describe("decideLabelChange", () => {
  it.each<[string, IssueChange, string[], Status | undefined, boolean, ReturnType<typeof decide>]>([
    [
      "forward move drops the old label",
      { kind: "labeled", label: "status:identified" },
      ["status:investigating", "status:identified"],
      "investigating",
      true,
      { add: [], remove: ["status:investigating"], close: false, refused: false },
    ],
    [
      "resolved closes an open issue",
      { kind: "labeled", label: "status:resolved" },
      ["status:recovering", "status:resolved"],
      "recovering",
      true,
      { add: [], remove: ["status:recovering"], close: true, refused: false },
    ],
    [
      "post-incident too early is reverted",
      { kind: "labeled", label: "status:post-incident" },
      ["status:investigating", "status:post-incident"],
      "investigating",
      true,
      { add: [], remove: ["status:post-incident"], close: false, refused: true },
    ],
    [
      "refusal restores a status that was removed meanwhile",
      { kind: "labeled", label: "status:post-incident" },
      ["status:post-incident"],
      "investigating",
      true,
      {
        add: ["status:investigating"],
        remove: ["status:post-incident"],
        close: false,
        refused: true,
      },
    ],
    [
      "a stale labeled event changes nothing",
      { kind: "labeled", label: "status:identified" },
      ["status:investigating"],
      "investigating",
      true,
      { add: [], remove: [], close: false, refused: false },
    ],
    [
      "removing the only status restores it",
      { kind: "unlabeled", label: "status:identified" },
      [],
      "identified",
      true,
      { add: ["status:identified"], remove: [], close: false, refused: false },
    ],
    [
      "removing one of two statuses is fine",
      { kind: "unlabeled", label: "status:identified" },
      ["status:investigating"],
      "investigating",
      true,
      { add: [], remove: [], close: false, refused: false },
    ],
    [
      "closing means resolved",
      { kind: "closed" },
      ["status:containing"],
      "containing",
      false,
      { add: ["status:resolved"], remove: ["status:containing"], close: false, refused: false },
    ],
    [
      "closing a resolved incident changes nothing",
      { kind: "closed" },
      ["status:resolved"],
      "resolved",
      false,
      { add: [], remove: [], close: false, refused: false },
    ],
    [
      "a late closed event on a reopened issue changes nothing",
      { kind: "closed" },
      ["status:investigating"],
      "investigating",
      true,
      { add: [], remove: [], close: false, refused: false },
    ],
    [
      "reopening means investigating",
      { kind: "reopened" },
      ["status:resolved"],
      "resolved",
      true,
      { add: ["status:investigating"], remove: ["status:resolved"], close: false, refused: false },
    ],
    [
      "a new severity replaces the old",
      { kind: "labeled", label: "severity:critical" },
      ["severity:high", "severity:critical"],
      undefined,
      true,
      { add: [], remove: ["severity:high"], close: false, refused: false },
    ],
    [
      "removing the only severity restores it",
      { kind: "unlabeled", label: "severity:low" },
      ["status:detected"],
      "detected",
      true,
      { add: ["severity:low"], remove: [], close: false, refused: false },
    ],
    [
      "other labels are none of its business",
      { kind: "labeled", label: "bug" },
      ["bug", "status:detected"],
      "detected",
      true,
      { add: [], remove: [], close: false, refused: false },
    ],
  ])("%s", (_name, change, labels, previous, open, expected) => {
    expect(decide(change, labels, previous, open)).toEqual(expected);
  });

  it("of two status labels added at once, the newest wins whichever event comes first", () => {
    const labels = ["status:detected", "status:investigating", "status:identified"];
    expect(
      decide(
        { kind: "labeled", label: "status:investigating" },
        labels,
        "investigating",
        true,
        "status:identified",
      ),
    ).toEqual({
      add: [],
      remove: ["status:detected", "status:investigating"],
      close: false,
      refused: false,
    });
  });
});
