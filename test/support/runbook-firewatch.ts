import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApplicationFunction } from "probot";
import { createApp } from "../../src/app/create-app.js";
import type { AppDeps } from "../../src/app/deps.js";
import { approveCommand } from "../../src/commands/parse/args/approve.js";
import { runbookCommand } from "../../src/commands/parse/args/runbook.js";
import { stepCommand } from "../../src/commands/parse/args/step.js";
import type { CommandSpec } from "../../src/commands/parse/command-spec.js";
import { tokenizeArguments } from "../../src/commands/parse/tokenize-arguments.js";
import { openScope, type EventScope } from "../../src/handlers/event-scope.js";
import { runApproveCommand, runRunbookCommand, runStepCommand, type CommandOutcome } from "../../src/handlers/runbooks/index.js";
import type { RepositorySeed } from "./github/state/github-state.js";
import { DEFAULT_REPO, startScenario, type Scenario } from "./harness.js";

/** A local HTTP server standing in for the hosts runbook `http` steps call. */
export interface CheckTarget {
  /** Routes https://<allowed host>/… here (the app's allow-list check still sees the https URL). */
  fetch: typeof fetch;
  requests: string[];
  respond(path: string, status: number, body?: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startCheckTarget(): Promise<CheckTarget> {
  const routes = new Map<string, { status: number; body: string; headers: Record<string, string> }>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const route = routes.get(req.url ?? "/") ?? { status: 404, body: "not found", headers: {} };
    res.writeHead(route.status, route.headers).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    requests,
    fetch: (input, init) => {
      const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
      return fetch(`${base}${url.pathname}${url.search}`, init);
    },
    respond: (path, status, body = "", headers = {}) => void routes.set(path, { status, body, headers }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Operation<T> = (scope: EventScope, issue: number, args: T, actor: string) => Promise<CommandOutcome>;

/**
 * Until the lead's comment handler routes them: a tiny app that obeys `/runbook`, `/step`
 * and `/approve` lines (through the real parsers and operations) and posts each reply.
 */
function runbookCommandsApp(deps: AppDeps): ApplicationFunction {
  const commands: [CommandSpec<never>, Operation<never>][] = [
    [runbookCommand("triage") as CommandSpec<never>, runRunbookCommand as Operation<never>],
    [stepCommand("triage") as CommandSpec<never>, runStepCommand as Operation<never>],
    [approveCommand("write") as CommandSpec<never>, runApproveCommand as Operation<never>],
  ];
  return (app) => {
    app.on("issue_comment.created", async (context) => {
      if (context.payload.sender.type === "Bot") return;
      const line = context.payload.comment.body.trim();
      const entry = commands.find(([spec]) => line.startsWith(`/${spec.name} `));
      if (!entry) return;
      const [spec, operation] = entry;
      const rest = line.slice(spec.name.length + 2);
      const parsed = spec.parse(tokenizeArguments(rest).map((t) => t.value), rest);
      const scope = await openScope(context, deps);
      const issue = context.payload.issue.number;
      const outcome = parsed.ok ? await operation(scope, issue, parsed.value, context.payload.sender.login) : { ok: false, reply: parsed.error };
      if (outcome.reply) await scope.apply([{ kind: "createComment", issue, key: `runbook-reply-${context.payload.comment.id}`, body: outcome.reply }]);
    });
  };
}

export interface RunbookScenarioOptions {
  deliverTwice?: boolean;
  files?: Record<string, string>;
  collaborators?: RepositorySeed["collaborators"];
  fetch?: typeof fetch;
}

/** Firewatch with the runbook commands, an injected fetch for `http` steps, on the virtual clock. */
export function startRunbookFirewatch(options: RunbookScenarioOptions = {}): Promise<Scenario> {
  return startScenario({
    appFn: {
      build: (gh) => {
        const deps: AppDeps = {
          now: () => gh.clock.now(),
          sleep: async (ms) => {
            gh.clock.advance(ms);
          },
          ...(options.fetch ? { fetch: options.fetch } : {}),
        };
        return async (app, appOptions) => {
          await createApp(deps)(app, appOptions);
          await runbookCommandsApp(deps)(app, appOptions);
        };
      },
    },
    deliverTwice: options.deliverTwice,
    repo: { ...DEFAULT_REPO, files: options.files, collaborators: options.collaborators },
  });
}
