/**
 * How the clock waits: `after(ms, fire)` calls `fire` once, `ms` from now, and returns what
 * cancels it. The server uses {@link realTimer}; tests use one on the stand-in's virtual
 * clock, so a tick an hour away runs at once and nothing real is left pending.
 */
export interface ClockTimer {
  after(ms: number, fire: () => Promise<void>): () => void;
}

/**
 * `setTimeout`, unref'd: the clock never keeps a process alive on its own (the server does),
 * so `probot run` still exits on a signal as before.
 */
export const realTimer: ClockTimer = {
  after(ms, fire) {
    const timeout = setTimeout(() => void fire(), ms);
    timeout.unref();
    return () => clearTimeout(timeout);
  },
};
