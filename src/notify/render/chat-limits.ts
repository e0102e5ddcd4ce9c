/**
 * The documented limits of each target that a rendered message must respect. Slack: Block
 * Kit reference (header text 150, section text 3,000, field text 2,000, 10 fields, button
 * text 75). Discord: the embed limits of the message resource (title 256, description 4,096,
 * 25 fields of name 256 and value 1,024, footer 2,048, 6,000 in all). Teams: a message of at
 * most about 28 KB. Mattermost: a post of at most 16,383 characters.
 */
export const LIMITS = {
  slack: { header: 150, section: 3000, field: 2000, fields: 10, button: 75 },
  discord: { title: 256, description: 4096, fieldName: 256, fieldValue: 1024, fields: 25, footer: 2048, total: 6000 },
  teams: { bytes: 28 * 1024 },
  mattermost: { post: 16383, text: 4000 },
} as const;

/** Colours by severity, shared by the targets that colour a message. */
export const SEVERITY_COLOURS: Record<string, string> = {
  critical: "#d1242f",
  high: "#e16f24",
  medium: "#d4a72c",
  low: "#6e7781",
};

export const RESOLVED_COLOUR = "#1a7f37";
