import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { slugify } from "../../src/markdown/slugify.js";

const SAFE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe("slugify", () => {
  it.each([
    ["GPU OOM on inference after campaign", "gpu-oom-on-inference-after-campaign"],
    ["../../etc/passwd", "etc-passwd"],
    ["Ünïcödé Çafé — Straße", "unicode-cafe-strasse"],
    ["🔥🔥🔥", "untitled"],
    ["!!!???...", "untitled"],
    ["推理服务中断", "untitled"],
    ["", "untitled"],
    ["CON", "con-file"],
    ["nul", "nul-file"],
    ["com1", "com1-file"],
    ["console", "console"],
    ["..hidden", "hidden"],
    ["--force", "force"],
    ["refs/heads/main.lock", "refs-heads-main-lock"],
    ["a..b@{1}~^:?*[\\c", "a-b-1-c"],
    ["tab\tnew\nline\u0000nul\u007f", "tab-new-line-nul"],
    ["ﬁle ①", "file-1"],
  ])("%j → %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("bounds the length and prefers a word boundary", () => {
    const title = "gateway latency regression ".repeat(12);
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(SAFE);
    expect(slug.endsWith("-")).toBe(false);
    expect(slugify("x".repeat(300))).toBe("x".repeat(60));
    expect(slugify(title, { maxLength: 20 })).toBe("gateway-latency");
  });

  it("uses a slugged fallback", () => {
    expect(slugify("🚨", { fallback: "Incident 42" })).toBe("incident-42");
    expect(slugify("🚨", { fallback: "../" })).toBe("untitled");
  });

  it("is always safe, on random hostile titles", () => {
    const alphabet = ["a", "Z", "9", ".", "-", "/", "\\", "@", "{", " ", "é", "🔥", "\u0000", "\n", "~", "lock", "..", "con"];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 500; n++) {
      const length = next() % 80;
      const title = Array.from({ length }, () => alphabet[next() % alphabet.length]).join("");
      const slug = slugify(title);
      expect(slug).toMatch(SAFE);
      expect(slug.length).toBeLessThanOrEqual(60);
    }
  });

  it("passes git check-ref-format as a branch name component", () => {
    for (const title of ["../../x", "a.lock", "@{upstream}", ".hidden", "x".repeat(300), "🔥"]) {
      const ref = `refs/heads/firewatch/postmortem-${slugify(title)}`;
      expect(() => execFileSync("git", ["check-ref-format", ref])).not.toThrow();
    }
  });
});
