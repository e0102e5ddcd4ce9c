/** commander's reducer for a repeatable option: `--label a --label b` → `["a", "b"]`. */
export function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
