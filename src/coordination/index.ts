export type { Coordination, OpenIncidentStates } from "./coordination.js";
export { CoordinationUnavailable } from "./coordination-unavailable.js";
export { connectCoordination } from "./connect-coordination.js";
export { silentLog, type CoordinationLog } from "./coordination-log.js";
export {
  readCoordinationSettings,
  DEFAULT_LOCK_LEASE_MS,
  DEFAULT_LOCK_WAIT_MS,
  type CoordinationSettings,
} from "./coordination-settings.js";
export { MemoryCoordination, HANDLED_DELIVERIES_REMEMBERED } from "./memory-coordination.js";
export { RedisCoordination } from "./redis-coordination.js";
export { HandOverLog } from "./hand-over-log.js";
export { exitAtStartup } from "./exit-at-startup.js";
export { redisUrlOf, withholdRedisFromProbot, COORDINATION_REDIS_URL } from "./redis-url.js";
export { timeLockWaits } from "./time-lock-waits.js";
