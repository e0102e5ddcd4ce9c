import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { envOf, parseDockerfile, type Stage } from "../support/dockerfile.js";

// There is no Docker daemon here: the image is not built. These read the Dockerfile as
// Docker would and check what the image would be, and run its health check for real.
const stages = parseDockerfile(readFileSync("Dockerfile", "utf8"));
const final = stages.at(-1)!;
const all = (stage: Stage, keyword: string) =>
  stage.instructions.filter((i) => i.keyword === keyword);
const one = (stage: Stage, keyword: string) => {
  const found = all(stage, keyword);
  expect(found, `${keyword} in the final stage`).toHaveLength(1);
  return found[0]!;
};
const stageNamed = (name: string) => stages.find((s) => s.name === name)!;

describe("Dockerfile", () => {
  it("is multi-stage on node:20-slim, and the image is built from the last stage", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.image).toBe("node:20-slim");
    expect(final.name).toBeUndefined();
  });

  it("puts production dependencies only in the image: node_modules comes from `npm ci --omit=dev`", () => {
    const copies = all(final, "COPY");
    const modules = copies.find((c) => /node_modules/.test(c.rest))!;
    expect(modules.flags.from).toBeDefined();
    const runs = all(stageNamed(modules.flags.from!), "RUN").map((r) => r.args);
    expect(runs.some((r) => /\bnpm ci\b.*--omit=dev/.test(r))).toBe(true);
    // No install in the image itself, and no stage runs package scripts ("prepare" builds).
    expect(all(final, "RUN")).toEqual([]);
    for (const stage of stages)
      for (const run of all(stage, "RUN"))
        if (/\bnpm (ci|install)\b/.test(run.args)) expect(run.args).toContain("--ignore-scripts");
  });

  it("copies the compiled app from the stage that built it, and what the app reads at run time", () => {
    const copies = all(final, "COPY");
    const lib = copies.find((c) => /^\S*lib\s/.test(c.rest))!;
    expect(
      all(stageNamed(lib.flags.from!), "RUN").some((r) => r.args.includes("npm run build")),
    ).toBe(true);
    // The default report templates are read from ../../templates relative to lib/reports/.
    const sources = copies
      .filter((c) => !c.flags.from)
      .flatMap((c) => c.rest.split(/\s+/).slice(0, -1));
    expect(sources).toEqual(expect.arrayContaining(["package.json", "app.yml", "templates"]));
    expect(readFileSync("src/reports/default-templates.ts", "utf8")).toContain("../../templates/");
    // Everything copied from the build context is in the repository and not left out by .dockerignore.
    const ignored = readFileSync(".dockerignore", "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"));
    for (const stage of stages)
      for (const copy of all(stage, "COPY").filter((c) => !c.flags.from)) {
        for (const source of copy.rest.split(/\s+/).slice(0, -1)) {
          expect(existsSync(source), source).toBe(true);
          expect(ignored, source).not.toContain(source);
        }
      }
    expect(ignored).toEqual(
      expect.arrayContaining(["node_modules", "lib", ".env", "*.pem", ".git"]),
    );
  });

  it("runs as the unprivileged node user, listening on every interface", () => {
    const user = one(final, "USER");
    expect(user.args).toBe("node");
    const cmd = one(final, "CMD");
    expect(user.line).toBeLessThan(cmd.line);
    const env = Object.assign({}, ...all(final, "ENV").map(envOf)) as Record<string, string>;
    expect(env.HOST).toBe("0.0.0.0");
    expect(env.NODE_ENV).toBe("production");
    expect(all(final, "EXPOSE").map((e) => e.args)).toEqual([env.PORT]);
  });

  it("starts what `npm start` starts, without the build npm's prestart would run", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(one(final, "CMD").exec).toEqual(pkg.scripts.start!.split(" "));
    expect(pkg.scripts.start).toContain("--import ./lib/coordination/preflight.js");
  });

  describe("HEALTHCHECK on /ping, with Node's fetch (the slim image has no curl)", () => {
    let server: Server | undefined;
    afterEach(
      () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
    );

    const healthcheck = () => {
      const check = one(final, "HEALTHCHECK");
      expect(check.exec?.[0]).toBe("node");
      expect(check.flags.interval).toBeDefined();
      return check.exec!;
    };
    /** The health check's command as Docker would run it in the image: its exit status. */
    const runCheck = (port: number) => {
      const [, ...args] = healthcheck();
      const child = spawn(process.execPath, args, {
        env: { PATH: process.env.PATH, PORT: String(port) },
        stdio: "ignore",
      });
      return new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    };
    const serve = async (status: number): Promise<number> => {
      const seen: string[] = [];
      server = createServer((req, res) => {
        seen.push(req.url ?? "");
        res.writeHead(req.url === "/ping" ? status : 404).end("PONG");
      });
      await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
      return (server.address() as AddressInfo).port;
    };

    it("passes when /ping answers 200", async () => {
      expect(healthcheck().join(" ")).toContain("/ping");
      expect(await runCheck(await serve(200))).toBe(0);
    });

    it("fails when /ping answers an error, or nothing listens", async () => {
      expect(await runCheck(await serve(503))).toBe(1);
      const port = (server!.address() as AddressInfo).port;
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = undefined;
      expect(await runCheck(port)).toBe(1);
    });
  });
});

describe("parseDockerfile (the reader those checks rely on)", () => {
  it("joins continuations, skips comments inside them, reads stages, flags, exec and ENV forms", () => {
    const [build, image] = parseDockerfile(
      [
        "# syntax=docker/dockerfile:1",
        "ARG BASE=node:20-slim",
        "FROM node:20-slim AS build",
        "RUN npm ci \\",
        "  # a comment inside",
        "  --ignore-scripts",
        "from node:20-slim",
        'ENV A=1 B="two words" \\',
        "    C=3",
        "ENV LEGACY some value",
        "COPY --from=build --chown=node /app/lib ./lib",
        'HEALTHCHECK --interval=5s CMD ["node", "-e", "1"]',
        'CMD ["node", "x.js"]',
      ].join("\n"),
    );
    expect(build).toMatchObject({ image: "node:20-slim", name: "build" });
    expect(build!.instructions[0]!.args).toBe("npm ci --ignore-scripts");
    expect(envOf(image!.instructions[0]!)).toEqual({ A: "1", B: "two words", C: "3" });
    expect(envOf(image!.instructions[1]!)).toEqual({ LEGACY: "some value" });
    expect(image!.instructions[2]).toMatchObject({
      flags: { from: "build", chown: "node" },
      rest: "/app/lib ./lib",
    });
    expect(image!.instructions[3]).toMatchObject({
      flags: { interval: "5s" },
      exec: ["node", "-e", "1"],
    });
    expect(image!.instructions[4]!.exec).toEqual(["node", "x.js"]);
  });

  it.each([
    ["an unknown instruction", "FROM node\nRUNN x", /line 2: unknown instruction RUNN/],
    ["an instruction before FROM", "RUN x", /line 1: RUN before the first FROM/],
    ["a continuation that never ends", "FROM node\nRUN a \\", /line 2: a continuation never ends/],
    ["FROM without an image", "FROM", /line 1: FROM needs an image/],
  ])("refuses %s, naming the line", (_, text, message) => {
    expect(() => parseDockerfile(text)).toThrow(message);
  });
});
