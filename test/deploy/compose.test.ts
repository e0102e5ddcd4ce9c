import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import * as yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { debianTool } from "../support/debian-tool.js";
import { envOf, parseDockerfile } from "../support/dockerfile.js";

// Docker is not available here: `docker compose config` cannot run. The file is read as YAML
// (anchors and `<<` merge keys resolved, as Compose does) and checked for what the issue asks.
interface Service {
  build?: string | { context?: string };
  image?: string;
  environment?: Record<string, string>;
  env_file?: { path: string; required?: boolean }[];
  ports?: string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  volumes?: string[];
  secrets?: string[];
  init?: boolean;
  healthcheck?: { test?: string[] };
}
interface Compose {
  services: Record<string, Service>;
  secrets?: Record<string, { file?: string }>;
}

// js-yaml 5 resolves merge keys only when asked; Compose resolves them.
const compose = yaml.load(readFileSync("compose.yaml", "utf8"), {
  schema: yaml.CORE_SCHEMA.withTags(yaml.mergeTag),
}) as Compose;
const services = compose.services;
const replicas = Object.entries(services).filter(
  ([, s]) => s.build === "." || (typeof s.build === "object" && s.build.context === "."),
);
if (replicas.length !== 2)
  throw new Error(`compose.yaml: expected two services built from ".", found ${replicas.length}`);
const [redisName] = Object.entries(services).find(([, s]) => s.image?.startsWith("redis:"))!;
const [, lb] = Object.entries(services).find(([, s]) => s.image?.startsWith("nginx:"))!;
const imagePort = (
  Object.assign(
    {},
    ...parseDockerfile(readFileSync("Dockerfile", "utf8"))
      .at(-1)!
      .instructions.filter((i) => i.keyword === "ENV")
      .map(envOf),
  ) as Record<string, string>
).PORT!;
/** `./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro` → the file in the repository. */
const mounted = (service: Service, inside: RegExp) => {
  const volume = service.volumes?.find((v) => inside.test(v.split(":")[1] ?? ""));
  expect(volume, `a mount at ${inside}`).toBeDefined();
  return readFileSync(volume!.split(":")[0]!, "utf8");
};
const hostPort = (mapping: string) => mapping.split(":").slice(0, -1).join(":");

describe("compose.yaml", () => {
  it("runs two replicas of the image built here, sharing one Redis", () => {
    for (const [name, replica] of replicas) {
      expect(replica.environment?.REDIS_URL, name).toBe(`redis://${redisName}:6379`);
      expect(replica.depends_on, name).toMatchObject({
        [redisName]: { condition: "service_healthy" },
      });
      expect(replica.init, `${name}: an init forwards SIGTERM to node`).toBe(true);
    }
    expect(services[redisName]!.healthcheck?.test).toEqual(["CMD", "redis-cli", "ping"]);
  });

  it("gives each replica the app's credentials, refusing to start without them", () => {
    for (const [name, replica] of replicas) {
      const env = replica.environment!;
      expect(env.APP_ID, name).toMatch(/^\$\{APP_ID:\?.+\}$/);
      expect(env.WEBHOOK_SECRET, name).toMatch(/^\$\{WEBHOOK_SECRET:\?.+\}$/);
      // The private key is a Compose secret, never an environment value in the file.
      const [secret] = replica.secrets!;
      expect(env.PRIVATE_KEY_PATH, name).toBe(`/run/secrets/${secret}`);
      expect(compose.secrets?.[secret!]?.file).toBeDefined();
      expect(env.PRIVATE_KEY).toBeUndefined();
    }
  });

  it("puts nginx in front of both replicas for webhooks, and keeps /metrics off it", () => {
    const conf = mounted(lb, /^\/etc\/nginx\//);
    const upstream = /upstream\s+(\S+)\s*\{([^}]*)\}/.exec(conf)!;
    const servers = [...upstream[2]!.matchAll(/server\s+([^\s;]+)/g)].map((m) => m[1]);
    expect(servers.sort()).toEqual(replicas.map(([name]) => `${name}:${imagePort}`).sort());
    expect(conf).toMatch(new RegExp(`location / \\{[^}]*proxy_pass http://${upstream[1]};`));
    expect(conf).toMatch(/location = \/metrics \{\s*return 404;\s*\}/);
    // GitHub's payloads reach 25 MB; nginx's default limit is 1 MB.
    expect(conf).toMatch(/client_max_body_size 25m;/);
    // An unreachable replica is skipped; a POST that reached one is not sent again.
    expect(conf).toMatch(/proxy_next_upstream error timeout;/);
    expect(conf).not.toContain("non_idempotent");
    const listen = /listen\s+(\d+);/.exec(conf)![1];
    expect(lb.ports?.some((p) => p.endsWith(`:${listen}`))).toBe(true);
    expect(lb.depends_on).toMatchObject(
      Object.fromEntries(replicas.map(([name]) => [name, { condition: "service_healthy" }])),
    );
  });

  it("lets each replica's /metrics be scraped directly: Prometheus scrapes both, each has its own host port", () => {
    const [, prometheus] = Object.entries(services).find(([, s]) =>
      s.image?.startsWith("prom/prometheus"),
    )!;
    const config = yaml.load(mounted(prometheus, /^\/etc\/prometheus\/prometheus\.yml$/)) as {
      scrape_configs: { metrics_path?: string; static_configs: { targets: string[] }[] }[];
    };
    // Prometheus' own checker reads the file as the container will (promtool, Debian's prometheus).
    const promtool = debianTool("promtool", "prometheus");
    if (promtool)
      expect(execFileSync(promtool, ["check", "config", "deploy/prometheus.yml"], { encoding: "utf8" })).toContain("SUCCESS");
    const job = config.scrape_configs[0]!;
    expect(job.metrics_path ?? "/metrics").toBe("/metrics");
    expect(job.static_configs.flatMap((s) => s.targets).sort()).toEqual(
      replicas.map(([name]) => `${name}:${imagePort}`).sort(),
    );
    const published = replicas.map(([, r]) => r.ports?.find((p) => p.endsWith(`:${imagePort}`)));
    for (const mapping of published) expect(mapping).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
    expect(new Set(published.map((p) => hostPort(p!))).size).toBe(replicas.length);
    // Not the load balancer's port.
    for (const mapping of published)
      expect(lb.ports!.map(hostPort)).not.toContain(hostPort(mapping!));
  });

  it("passes the alert, clock and metrics settings on when set, and the rest from an optional, git-ignored file", () => {
    const ignored = (file: string) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line) => line.trim());
    for (const [name, replica] of replicas) {
      const env = replica.environment!;
      for (const variable of [
        "FIREWATCH_METRICS_TOKEN",
        "FIREWATCH_ALERT_TOKEN",
        "FIREWATCH_ALERT_REPOS",
        "FIREWATCH_TICK_INTERVAL",
      ])
        // Unset on the host → empty in the container, which each of them reads as unset.
        expect(env[variable], `${name}: ${variable}`).toBe(`\${${variable}:-}`);
      // FIREWATCH_NOTIFY_* are secrets with names of the operator's choosing: a file, not this one.
      expect(replica.env_file, name).toEqual([{ path: "./firewatch.env", required: false }]);
    }
    expect(ignored(".gitignore")).toContain("firewatch.env");
    expect(ignored(".dockerignore")).toContain("firewatch.env");
  });

  it("is a Compose file by the Compose Specification's own JSON schema, which refuses a broken copy", () => {
    // test/deploy/fixtures/compose-spec.json: schema/compose-spec.json of compose-spec/compose-spec
    // at 170098ba07d9f53c383a41bfd4c5166b0a4529a6 (Apache-2.0), the schema `docker compose config`
    // validates with. Its $schema names draft-07 by an https address ajv does not hold: the
    // schema itself is not re-validated.
    const schema = JSON.parse(readFileSync("test/deploy/fixtures/compose-spec.json", "utf8")) as object;
    const validate = new Ajv({ strict: false, allErrors: true, validateSchema: false }).compile(schema);
    expect(validate(compose), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(compose) as unknown as { services: Record<string, Record<string, unknown>> };
    broken.services[replicas[0]![0]]!.ports = "3001:3000";
    broken.services[replicas[1]![0]]!.depends_on = { [redisName]: { condition: "healthy" } };
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining([`/services/${replicas[0]![0]}/ports`, `/services/${replicas[1]![0]}/depends_on/${redisName}/condition`]),
    );
  });
});
