/**
 * The few log calls coordination makes. Probot's pino logger fits, and so does a plain
 * console-like object before Probot has started.
 */
export interface CoordinationLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Says nothing: the default when the caller passes no log. */
export const silentLog: CoordinationLog = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
