import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { VirtualClock } from "../../support/github/state/virtual-clock.js";

/** What one receiver answers, in order; the last one repeats. `hang` never answers. */
export type Answer = { status: number; retryAfter?: string } | "hang";

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
  /** The virtual time it arrived. */
  at: Date;
  /** What the receiver found wrong with it against the service's documented format. */
  problems: string[];
}

/**
 * Local HTTP stand-ins for Slack, Teams, Mattermost, Discord and a relay, on 127.0.0.1: each
 * path has its validator (the service's documented format and limits) and a scripted list
 * of answers. `hang` answers never: it calls `onHang` (the test's timeout fires there).
 */
export class Receivers {
  readonly received: Received[] = [];
  private readonly answers = new Map<string, Answer[]>();
  private readonly hanging = new Set<() => void>();
  onHang: () => void = () => {};

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly validators: Record<string, (r: Received) => string[]>,
    private readonly clock: VirtualClock,
  ) {}

  static async start(clock: VirtualClock, validators: Record<string, (r: Received) => string[]>): Promise<Receivers> {
    const ready: { receivers?: Receivers } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => ready.receivers!.handle(req.url ?? "/", req.headers, Buffer.concat(chunks).toString("utf8"), res));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    ready.receivers = new Receivers(server, `http://127.0.0.1:${port}`, validators, clock);
    return ready.receivers;
  }

  /** Scripts the answers of one path (default: the service's usual success). */
  answer(path: string, ...answers: Answer[]): void {
    this.answers.set(path, answers);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Every problem any validator found, with the path. */
  problems(): string[] {
    return this.received.flatMap((r) => r.problems.map((p) => `${r.path}: ${p}`));
  }

  async stop(): Promise<void> {
    for (const release of this.hanging) release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(path: string, headers: IncomingHttpHeaders, raw: string, res: ServerResponse) {
    let body: Record<string, unknown> = {};
    const problems: string[] = [];
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      problems.push("body is not JSON");
    }
    const received: Received = { path, headers, raw, body, at: this.clock.now(), problems };
    problems.push(...(this.validators[path]?.(received) ?? [`no validator for ${path}`]));
    this.received.push(received);
    const script = this.answers.get(path) ?? [];
    const answer = script.length > 1 ? script.shift()! : (script[0] ?? { status: path === "/discord" ? 204 : 200 });
    if (answer === "hang") {
      this.hanging.add(() => res.destroy());
      this.onHang();
      return;
    }
    if (answer.retryAfter) res.setHeader("retry-after", answer.retryAfter);
    res.statusCode = answer.status;
    res.end(answer.status === 204 ? undefined : answer.status < 300 ? "ok" : "error");
  }
}
