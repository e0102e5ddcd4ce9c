import type { LabelNames } from "../../incident/label-names.js";

/**
 * The labels a `label` step added that must go through the incident's lifecycle: status and
 * severity labels. The app ignores its own label events, so without this a step could set a
 * status by a route a person's label would be refused on.
 */
export function labelsForLifecycle(
  added: readonly string[],
  names: Pick<LabelNames, "isStatusLabel" | "isSeverityLabel">,
): string[] {
  return added.filter((l) => names.isStatusLabel(l) || names.isSeverityLabel(l));
}
