import { afterAll, beforeAll } from "vitest";
import type { Coordination } from "../../src/coordination/coordination.js";
import { connectCoordination } from "../../src/coordination/connect-coordination.js";
import { startRedis, type RedisServer } from "./redis-server.js";

export interface SharedRedis {
  /** The server, once the file's `beforeAll` has run (e.g. to kill it). */
  readonly server: RedisServer;
  /** Its address. */
  readonly url: string;
  /** A replica's coordination: its own connection to the shared Redis, closed after the file. */
  coordination(): Promise<Coordination>;
}

/**
 * Call at the top of a test file: a real `redis-server` for the file's tests (started in
 * `beforeAll`, stopped in `afterAll`), and coordinations connected to it as replicas would be.
 */
export function sharedRedis(): SharedRedis {
  let redis: RedisServer | undefined;
  const opened: Coordination[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(opened.map((c) => c.close()));
    await redis?.stop();
  });
  return {
    get server() {
      if (!redis) throw new Error("sharedRedis: the redis-server starts in beforeAll");
      return redis;
    },
    get url() {
      return this.server.url;
    },
    async coordination() {
      const coordination = await connectCoordination({ REDIS_URL: this.url });
      opened.push(coordination);
      return coordination;
    },
  };
}
