/** A promise the test settles by hand, to hold a lock exactly as long as it wants. */
export interface Deferred<T = void> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback and timer of this turn run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
