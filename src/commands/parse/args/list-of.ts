/** `a`, `b` and `c` as Markdown code, for "use one of …" messages. */
export function listOf(values: readonly string[]): string {
  const coded = values.map((v) => `\`${v}\``);
  return coded.length <= 1 ? coded.join("") : `${coded.slice(0, -1).join(", ")} or ${coded.at(-1)}`;
}
