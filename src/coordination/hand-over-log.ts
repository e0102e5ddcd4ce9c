import type { CoordinationLog } from "./coordination-log.js";

/**
 * A log for what happens before Probot's logger exists: plain lines on stdout/stderr until
 * {@link HandOverLog.use} hands it Probot's logger, which gets everything after that (so a
 * Redis outage while running is logged like the rest of the app).
 */
export class HandOverLog implements CoordinationLog {
  #target: CoordinationLog | undefined;
  readonly #json: boolean;

  /** `json`: write the early lines as pino would (LOG_FORMAT=json), so every line of the process parses. */
  constructor(options: { json?: boolean } = {}) {
    this.#json = options.json ?? false;
  }

  /** Sends every later message to `log`. */
  use(log: CoordinationLog): void {
    this.#target = log;
  }

  info(message: string): void {
    if (this.#target) this.#target.info(message);
    else process.stdout.write(this.#line(30, message));
  }

  warn(message: string): void {
    if (this.#target) this.#target.warn(message);
    else process.stderr.write(this.#line(40, message));
  }

  error(message: string): void {
    if (this.#target) this.#target.error(message);
    else process.stderr.write(this.#line(50, message));
  }

  /** pino's levels: 30 info, 40 warn, 50 error. */
  #line(level: number, message: string): string {
    if (!this.#json) return `firewatch: ${message}\n`;
    return `${JSON.stringify({ level, time: Date.now(), pid: process.pid, name: "coordination", msg: message })}\n`;
  }
}
