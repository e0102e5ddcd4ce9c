/** GitHub takes at most 50 annotations per check-run create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/**
 * The annotations in the groups GitHub takes them: the first with the check run's creation,
 * each other with one update. No annotations is one empty group (the creation still happens).
 */
export function annotationBatches<A>(annotations: readonly A[]): A[][] {
  const batches: A[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  return batches.length > 0 ? batches : [[]];
}
