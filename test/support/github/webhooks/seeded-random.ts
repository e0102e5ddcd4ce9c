/**
 * mulberry32: a tiny generator whose whole sequence is fixed by its seed, so a shuffled burst
 * (or a random choice of replica) can be replayed from the seed a failing test printed.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** `BURST_SEED` from the environment when set (to replay a failure), else a fresh one. */
export function newSeed(): number {
  const replay = Number(process.env.BURST_SEED);
  if (process.env.BURST_SEED && Number.isInteger(replay)) return replay;
  return Math.floor(Math.random() * 2 ** 31);
}
