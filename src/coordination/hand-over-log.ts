import type { CoordinationLog } from "./coordination-log.js";

/**
 * A log for what happens before Probot's logger exists: plain lines on stdout/stderr until
 * {@link HandOverLog.use} hands it Probot's logger, which gets everything after that (so a
 * Redis outage while running is logged like the rest of the app).
 */
export class HandOverLog implements CoordinationLog {
  #target: CoordinationLog | undefined;

  /** Sends every later message to `log`. */
  use(log: CoordinationLog): void {
    this.#target = log;
  }

  info(message: string): void {
    if (this.#target) this.#target.info(message);
    else process.stdout.write(`firewatch: ${message}\n`);
  }

  warn(message: string): void {
    if (this.#target) this.#target.warn(message);
    else process.stderr.write(`firewatch: ${message}\n`);
  }

  error(message: string): void {
    if (this.#target) this.#target.error(message);
    else process.stderr.write(`firewatch: ${message}\n`);
  }
}
