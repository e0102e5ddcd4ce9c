import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-command.js";
import { runCli } from "../../src/cli/run-cli.js";

const FAILOVER = "name: Database failover\nsteps:\n  - { id: promote, title: Promote, type: contain, run: manual }\n  - { id: ok, title: Go ahead, type: remediate, run: approval }\n";
const BROKEN = "name: Broken\nsteps:\n  - { id: a, title: 42, type: assess, run: comment }\n  - { id: a, title: Again, type: assess, run: manual, needs: [missing] }\n";

function fakeIo(files: Record<string, string>) {
  const out: string[] = [];
  const io: CliIo = {
    cwd: "/repo",
    stdout: (l) => out.push(l),
    stderr: (l) => out.push(l),
    readFile: async (p) => {
      const text = files[p];
      if (text === undefined) throw new Error("ENOENT");
      return text;
    },
    listFiles: async (p) => {
      const inside = Object.keys(files).filter((f) => f.startsWith(`${p}/`)).map((f) => f.slice(p.length + 1));
      return inside.length > 0 ? inside : undefined;
    },
  };
  return { io, out };
}

describe("firewatch validate on runbooks as people write them", () => {
  it("accepts a free-text name and bare kinds", async () => {
    const { io, out } = fakeIo({ "/repo/.github/runbooks/db-failover.yml": FAILOVER });
    expect(await runCli(["validate"], io)).toBe(0);
    expect(out).toContain("✓ .github/runbooks/db-failover.yml");
  });

  it("prints every problem of a broken one at its line and column, graph errors included", async () => {
    const { io, out } = fakeIo({ "/repo/rb/broken.yml": BROKEN });
    expect(await runCli(["validate", "rb", "--format", "github"], io)).toBe(1);
    const lines = out.join("\n");
    expect(lines).toContain("::error file=rb/broken.yml,line=3,col=14,title=firewatch%3A steps[0].title::title must be text, found the number 42");
    expect(lines).toContain("::error file=rb/broken.yml,line=3,col=39,title=firewatch%3A steps[0].run::run: a comment step needs options");
    expect(lines).toContain('::error file=rb/broken.yml,line=4,col=7,title=firewatch%3A steps[1].id::duplicate step id "a" (first used by steps[0])');
    expect(lines).toContain('::error file=rb/broken.yml,line=4,col=63,title=firewatch%3A steps[1].needs[0]::step "a" needs unknown step "missing"');
  });
});
