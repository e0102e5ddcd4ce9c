export interface SlugOptions {
  /** Longest slug returned, in characters (default 60; at least 8 is enforced). */
  readonly maxLength?: number;
  /** Used when nothing usable is left (only emoji, punctuation or another script). */
  readonly fallback?: string;
}

export const DEFAULT_SLUG_MAX_LENGTH = 60;
export const DEFAULT_SLUG_FALLBACK = "untitled";

/** Letters NFKD does not decompose to ASCII but that read naturally transliterated. */
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ð: "d", ł: "l", þ: "th", ı: "i",
};

// Device names Windows refuses as a file name whatever the extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * Turns any title into a name usable as a file name and as a git ref component.
 *
 * The output only ever matches `^[a-z0-9]+(-[a-z0-9]+)*$`, which is what makes it safe:
 * no `/` or `..` (path traversal, `../../x`), no leading dot or dash (hidden files, CLI
 * options), none of git's ref exclusions (`..`, `@{`, `~^:?*[\`, control characters,
 * a trailing `.lock` or `.`), no spaces or emoji. Accents are folded to ASCII (`é` → `e`).
 * Windows device names (`con`, `nul`, `com1`…) get a `-file` suffix. The length is
 * bounded and the cut falls on a word boundary when one is near.
 */
export function slugify(title: string, options: SlugOptions = {}): string {
  const maxLength = Math.max(8, Math.floor(options.maxLength ?? DEFAULT_SLUG_MAX_LENGTH));
  const slug = toSlug(title, maxLength);
  if (slug !== "") return slug;
  const fallback = toSlug(options.fallback ?? DEFAULT_SLUG_FALLBACK, maxLength);
  return fallback === "" ? DEFAULT_SLUG_FALLBACK : fallback;
}

function toSlug(text: string, maxLength: number): string {
  const ascii = text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[ßæœøđðłþı]/g, (ch) => TRANSLITERATIONS[ch] ?? "");
  let slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length > maxLength) {
    const cut = slug.slice(0, maxLength);
    const lastDash = cut.lastIndexOf("-");
    slug = (lastDash >= maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/g, "");
  }
  if (WINDOWS_RESERVED.test(slug)) slug = `${slug}-file`;
  return slug;
}
