/** The default visible marker appended to text that was cut. */
export const TRUNCATION_MARKER = "… (truncated)";

/**
 * Shortens text to at most `maxLength` UTF-16 code units, marker included, cutting on a
 * code-point boundary so no emoji is split into a broken surrogate. Text that fits is
 * returned unchanged. If even the marker does not fit, the marker itself is cut.
 */
export function truncate(text: string, maxLength: number, marker: string = TRUNCATION_MARKER): string {
  const limit = Math.max(0, Math.floor(maxLength));
  if (text.length <= limit) return text;
  if (marker.length >= limit) return cutAtCodePoint(marker, limit);
  return cutAtCodePoint(text, limit - marker.length) + marker;
}

function cutAtCodePoint(text: string, length: number): string {
  let end = length;
  const last = text.charCodeAt(end - 1);
  // A high surrogate at the cut would leave half a character.
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}
