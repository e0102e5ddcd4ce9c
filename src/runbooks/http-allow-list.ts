/**
 * Whether `url`'s host may be called. Entries are exact host names (`status.openai.com`)
 * or a leading wildcard for subdomains (`*.internal.example.com`, which does not match the
 * bare domain). Only https URLs on the default port are allowed.
 */
export function isHostAllowed(url: string, allow: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "https:" || parsed.port !== "" || parsed.username !== "" || parsed.password !== "") return false;
  const host = parsed.hostname.toLowerCase();
  return allow.some((entry) => {
    const rule = entry.trim().toLowerCase();
    if (rule.startsWith("*.")) return host.endsWith(rule.slice(1)) && host.length > rule.length - 1;
    return host === rule;
  });
}
