import { describe, expect, it } from "vitest";
import { addCause } from "../../src/analysis/add-cause.js";
import { addFactor } from "../../src/analysis/add-factor.js";
import { addLesson } from "../../src/analysis/add-lesson.js";
import { addWhy } from "../../src/analysis/add-why.js";
import { emptyRcaState, RCA_LIMITS, rcaStateSchema, type RcaState, type RcaUpdate } from "../../src/analysis/rca-state.js";
import { setRootCause } from "../../src/analysis/set-root-cause.js";

const at = new Date("2026-03-01T10:00:00Z");
const input = (text: string, author = "octocat") => ({ text, author, at });

function unwrap(update: RcaUpdate): RcaState {
  if (!update.ok) throw new Error(update.error);
  return update.state;
}

describe("five whys", () => {
  it("keeps the answers in order, with author and time, without changing the input state", () => {
    const start = emptyRcaState();
    const one = unwrap(addWhy(start, input("GPU out of memory", "alice")));
    const two = unwrap(addWhy(one, { text: "Requests +300%", author: "bob", at: new Date("2026-03-01T10:05:00Z") }));
    expect(start.whys).toEqual([]);
    expect(two.whys).toEqual([
      { text: "GPU out of memory", author: "alice", at: "2026-03-01T10:00:00.000Z" },
      { text: "Requests +300%", author: "bob", at: "2026-03-01T10:05:00.000Z" },
    ]);
    expect(rcaStateSchema.parse(JSON.parse(JSON.stringify(two)))).toEqual(two);
  });

  it(`refuses the ${RCA_LIMITS.maxWhys + 1}th why`, () => {
    let state = emptyRcaState();
    for (let i = 0; i < RCA_LIMITS.maxWhys; i++) state = unwrap(addWhy(state, input(`why ${i}`)));
    expect(addWhy(state, input("one more"))).toEqual({ ok: false, error: expect.stringMatching(/already has 50 whys/) });
  });
});

describe.each<[string, (state: RcaState, text: string) => RcaUpdate, RegExp]>([
  ["addWhy", (s, text) => addWhy(s, input(text)), /could not add the why/],
  ["addFactor", (s, text) => addFactor(s, input(text)), /could not add the factor/],
  ["setRootCause", (s, text) => setRootCause(s, input(text)), /could not record the root cause/],
  ["addCause", (s, text) => addCause(s, { ...input(text), category: "process" }), /could not add the cause/],
  ["addLesson", (s, text) => addLesson(s, { ...input(text), kind: "lucky" }), /could not add the lesson/],
])("%s text rules", (_name, add, prefix) => {
  it.each<[string, string, RegExp]>([
    ["empty", "", /the text is empty/],
    ["only whitespace", " \n\t ", /the text is empty/],
    ["too long", "x".repeat(RCA_LIMITS.maxTextLength + 1), /501 characters; the limit is 500/],
  ])("refuses %s text", (_case, text, message) => {
    const result = add(emptyRcaState(), text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(prefix);
    expect(!result.ok && result.error).toMatch(message);
  });

  it("folds newlines into one line and trims", () => {
    const state = unwrap(add(emptyRcaState(), "  no\n autoscaling \r\n"));
    expect(JSON.stringify(state)).toContain('"text":"no autoscaling"');
  });
});

describe("fishbone causes", () => {
  it.each([
    ["technology", "technology"],
    ["Technology", "technology"],
    [" PROCESS ", "process"],
  ])("accepts category %j as %j", (category, stored) => {
    const state = unwrap(addCause(emptyRcaState(), { ...input("No autoscaling"), category }));
    expect(state.causes).toEqual([{ text: "No autoscaling", author: "octocat", at: "2026-03-01T10:00:00.000Z", category: stored }]);
  });

  it("refuses an unknown category and lists the valid ones", () => {
    expect(addCause(emptyRcaState(), { ...input("x"), category: "tech" })).toEqual({
      ok: false,
      error: 'unknown category "tech"; use one of: people, process, technology, environment, measurement, materials',
    });
  });

  it("uses configured categories instead of the defaults", () => {
    const categories = ["model", "data", "infra"];
    expect(unwrap(addCause(emptyRcaState(), { ...input("bad prompt rollout"), category: "Model" }, categories)).causes[0]?.category).toBe("model");
    expect(addCause(emptyRcaState(), { ...input("x"), category: "people" }, categories)).toMatchObject({ ok: false, error: expect.stringMatching(/use one of: model, data, infra/) });
  });

  it(`refuses more than ${RCA_LIMITS.maxCauses} causes`, () => {
    let state = emptyRcaState();
    for (let i = 0; i < RCA_LIMITS.maxCauses; i++) state = unwrap(addCause(state, { ...input(`c${i}`), category: "people" }));
    expect(addCause(state, { ...input("more"), category: "people" })).toMatchObject({ ok: false });
  });
});

describe("root cause, factors and lessons", () => {
  it("replaces the root cause rather than keeping two", () => {
    const first = unwrap(setRootCause(emptyRcaState(), input("campaign")));
    const second = unwrap(setRootCause(first, input("No capacity planning or autoscaling", "carol")));
    expect(second.rootCause).toEqual({ text: "No capacity planning or autoscaling", author: "carol", at: "2026-03-01T10:00:00.000Z" });
  });

  it("adds factors and refuses them past the cap", () => {
    let state = emptyRcaState();
    for (let i = 0; i < RCA_LIMITS.maxFactors; i++) state = unwrap(addFactor(state, input(`f${i}`)));
    expect(state.factors).toHaveLength(RCA_LIMITS.maxFactors);
    expect(addFactor(state, input("more"))).toMatchObject({ ok: false, error: expect.stringMatching(/50 contributing factors/) });
  });

  it.each(["went-well", "went-wrong", "lucky", "Lucky"])("accepts lesson kind %s", (kind) => {
    expect(unwrap(addLesson(emptyRcaState(), { ...input("paging worked"), kind })).lessons[0]?.kind).toBe(kind.toLowerCase());
  });

  it("refuses an unknown lesson kind and lists the valid ones", () => {
    expect(addLesson(emptyRcaState(), { ...input("x"), kind: "good" })).toEqual({ ok: false, error: 'unknown lesson kind "good"; use one of: went-well, went-wrong, lucky' });
  });

  it("refuses an invalid time", () => {
    expect(addWhy(emptyRcaState(), { text: "x", author: "a", at: new Date("nope") })).toMatchObject({ ok: false, error: expect.stringMatching(/not a valid date/) });
  });
});

describe("rcaStateSchema", () => {
  it("fills missing lists, so an older card's JSON still loads", () => {
    expect(rcaStateSchema.parse({})).toEqual(emptyRcaState());
  });
  it.each([
    ["too many whys", { whys: Array.from({ length: 51 }, () => ({ text: "x", author: "a", at: "2026-03-01T10:00:00Z" })) }],
    ["a bad lesson kind", { lessons: [{ text: "x", author: "a", at: "2026-03-01T10:00:00Z", kind: "meh" }] }],
    ["a bad time", { whys: [{ text: "x", author: "a", at: "yesterday" }] }],
  ])("refuses %s", (_name, value) => {
    expect(rcaStateSchema.safeParse(value).success).toBe(false);
  });
});
