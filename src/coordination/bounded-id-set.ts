/**
 * A set of ids that keeps only the `capacity` most recently used: adding one more forgets
 * the least recently added or looked up. A Map/Set already iterates in insertion order, so
 * re-inserting on use is the whole LRU; a library would bring TTLs and sizes this does not
 * need (a process restart forgets everything anyway).
 */
export class BoundedIdSet {
  readonly #ids = new Set<string>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
  }

  /** How many ids are remembered (never more than `capacity`). */
  get size(): number {
    return this.#ids.size;
  }

  /** True when `id` is remembered; marks it as recently used. */
  has(id: string): boolean {
    if (!this.#ids.has(id)) return false;
    this.#ids.delete(id);
    this.#ids.add(id);
    return true;
  }

  /** Remembers `id` as the most recently used, forgetting the oldest when full. */
  add(id: string): void {
    this.#ids.delete(id);
    this.#ids.add(id);
    if (this.#ids.size > this.capacity) {
      const oldest = this.#ids.values().next();
      if (!oldest.done) this.#ids.delete(oldest.value);
    }
  }
}
