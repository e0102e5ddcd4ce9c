/**
 * The known command closest to an unknown one, by optimal-string-alignment distance
 * (Damerau-Levenshtein with adjacent transpositions, so `/stauts` finds `/status`), or a
 * known name the unknown one abbreviates (`/sev` finds `/severity`) or spells out
 * (`/acknowledge` finds `/ack`). Nothing when no name
 * is within a third of the longer name's length, so `/deploy` does not suggest `/help`.
 */
export function suggest(unknown: string, known: readonly string[]): string | undefined {
  const word = unknown.toLowerCase();
  if (word.length === 0 || word.length > 64) return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = osaDistance(word, name);
    const limit = Math.max(1, Math.floor(Math.max(word.length, name.length) / 3));
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  if (best) return best.name;
  const prefixed = word.length >= 2 ? known.filter((name) => name.startsWith(word)) : [];
  if (prefixed.length === 1) return prefixed[0];
  const extended = known.filter((name) => name.length >= 3 && word.startsWith(name));
  return extended.sort((a, b) => b.length - a.length)[0];
}

export function osaDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j]!;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, at(i - 2, j - 2) + 1);
      d[i * cols + j] = v;
    }
  }
  return at(a.length, b.length);
}
