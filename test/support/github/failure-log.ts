/** Everything that went wrong in a scenario; `assertClean()` turns it into a test failure. */
export class FailureLog {
  private readonly entries: string[] = [];

  add(message: string): void {
    this.entries.push(message);
  }

  get all(): readonly string[] {
    return this.entries;
  }

  /** @throws listing every recorded failure, numbered, when there is any. */
  assertClean(): void {
    if (this.entries.length === 0) return;
    const list = this.entries.map((entry, index) => `  ${index + 1}. ${entry}`).join("\n");
    throw new Error(`GitHub stand-in recorded ${this.entries.length} failure(s):\n${list}`);
  }

  /** Forgets recorded failures (for tests that provoke them on purpose). */
  clear(): void {
    this.entries.length = 0;
  }
}
