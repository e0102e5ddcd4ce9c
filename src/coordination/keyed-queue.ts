import { CoordinationUnavailable } from "./coordination-unavailable.js";

/**
 * Runs work for one key strictly one after another, in arrival order, and work for
 * different keys in parallel. A tiny promise chain per key: each caller waits for the tail
 * of its key's chain, and the map entry is dropped when the chain runs dry, so keys of
 * incidents long closed do not pile up.
 */
export class KeyedQueue {
  /** Per key, a promise that settles when everything queued so far for it has settled. */
  readonly #tails = new Map<string, Promise<void>>();

  /** How many keys have work queued or running right now (0 when idle). */
  get size(): number {
    return this.#tails.size;
  }

  /**
   * Runs `work` once everything queued earlier for `key` has settled. When `deadline`
   * (epoch ms) passes first, rejects with {@link CoordinationUnavailable} and never runs
   * `work`; the queue keeps its order all the same (the next caller still waits for the
   * holder that is taking too long, never overtakes it).
   */
  run<T>(key: string, work: () => Promise<T>, deadline = Number.POSITIVE_INFINITY): Promise<T> {
    const previous = this.#tails.get(key);
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    // The next caller waits for the previous holder *and* this one, even if this one gave
    // up waiting: giving up must not let anyone run beside a holder still at work.
    const tail = previous ? previous.then(() => settled) : settled;
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return (async () => {
      try {
        if (previous) await waitUntil(previous, deadline, key);
        return await work();
      } finally {
        settle();
      }
    })();
  }
}

async function waitUntil(turn: Promise<void>, deadline: number, key: string): Promise<void> {
  if (deadline === Number.POSITIVE_INFINITY) return turn;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new CoordinationUnavailable(
            `gave up waiting for the lock "${key}": its holder in this process is still at work`,
          ),
        ),
      Math.max(0, deadline - Date.now()),
    );
  });
  try {
    await Promise.race([turn, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
