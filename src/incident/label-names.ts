import type { Config, Severity } from "../config/schema.js";
import { SEVERITIES } from "../config/schema.js";
import { isStatus, type Status } from "./lifecycle.js";

/** Maps between label names and the statuses and severities they stand for, as configured. */
export interface LabelNames {
  incident: string;
  status(status: Status): string;
  severity(severity: Severity): string;
  parseStatus(label: string): Status | undefined;
  parseSeverity(label: string): Severity | undefined;
  isStatusLabel(label: string): boolean;
  isSeverityLabel(label: string): boolean;
}

export function labelNames(config: Config): LabelNames {
  const { incident, status_prefix: sp, severity_prefix: vp } = config.labels;
  const parseStatus = (label: string): Status | undefined => {
    if (!label.startsWith(sp)) return undefined;
    const rest = label.slice(sp.length);
    return isStatus(rest) ? rest : undefined;
  };
  const parseSeverity = (label: string): Severity | undefined => {
    if (!label.startsWith(vp)) return undefined;
    const rest = label.slice(vp.length);
    return (SEVERITIES as readonly string[]).includes(rest) ? (rest as Severity) : undefined;
  };
  return {
    incident,
    status: (s) => `${sp}${s}`,
    severity: (s) => `${vp}${s}`,
    parseStatus,
    parseSeverity,
    isStatusLabel: (l) => parseStatus(l) !== undefined,
    isSeverityLabel: (l) => parseSeverity(l) !== undefined,
  };
}
