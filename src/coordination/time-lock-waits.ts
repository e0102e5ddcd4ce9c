import type { Coordination } from "./coordination.js";

/**
 * The same coordination, reporting how long each `withLock` waited for its lock (until the
 * work started, or until it gave up waiting): the figure that shows incidents contended by
 * bursts of deliveries or by replicas.
 */
export function timeLockWaits(
  coordination: Coordination,
  waited: (seconds: number) => void,
): Coordination {
  return {
    kind: coordination.kind,
    ...(coordination.shared ? { shared: coordination.shared } : {}),
    ...(coordination.openIncidents ? { openIncidents: coordination.openIncidents } : {}),
    withLock: async (key, work) => {
      const start = performance.now();
      let started = false;
      try {
        return await coordination.withLock(key, () => {
          started = true;
          waited((performance.now() - start) / 1000);
          return work();
        });
      } catch (error) {
        if (!started) waited((performance.now() - start) / 1000);
        throw error;
      }
    },
    isHandled: (deliveryId) => coordination.isHandled(deliveryId),
    markHandled: (deliveryId) => coordination.markHandled(deliveryId),
    claim: (key, ttlSeconds) => coordination.claim(key, ttlSeconds),
    close: () => coordination.close(),
  };
}
