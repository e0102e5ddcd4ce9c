import { resolveOperationId } from "./fault-injection.js";

/** A request to hold open: the operation, as in `failNext` ("issues/create-comment" or "POST /repos/…"). */
export interface HoldSpec {
  route: string;
  method?: string;
  /** Hold after the write was applied (its webhooks queued), before answering; default: before applying. */
  afterApplying?: boolean;
}

/** The next request matching a hold, kept open until the test releases it. */
export interface HeldRequest {
  /** Resolves once a matching request arrived and is being held (e.g. then kill the replica that sent it). */
  readonly reached: Promise<void>;
  /** Lets the request go on; until then the caller waits, as on a slow GitHub. */
  release(): void;
  /** Resolves once the held request was answered (its write applied, its webhooks queued). */
  readonly answered: Promise<void>;
}

interface ArmedHold {
  operationId: string;
  afterApplying: boolean;
  taken: boolean;
  arrive(): void;
  released: Promise<void>;
  release(): void;
  answer(): void;
}

/**
 * Holds let a test freeze a client in the middle of its work — a replica mid-delivery, waiting
 * on GitHub — so something can happen at exactly that point (a kill, a second delivery).
 */
export class RequestHolds {
  private readonly armed: ArmedHold[] = [];

  /** @throws when the route names no operation in GitHub's description. */
  add(spec: HoldSpec): HeldRequest {
    let arrive = () => {};
    let release = () => {};
    let answer = () => {};
    const reached = new Promise<void>((resolve) => (arrive = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const operationId = resolveOperationId(spec);
    this.armed.push({ operationId, afterApplying: spec.afterApplying ?? false, taken: false, arrive, released, release, answer });
    return { reached, release, answered };
  }

  /**
   * Waits while the first untaken hold for this operation and phase is held; a hold takes one
   * request. @returns what the pipeline calls once it answered that request, if one was held.
   */
  async wait(operationId: string, phase: "before" | "after"): Promise<(() => void) | undefined> {
    const hold = this.armed.find((h) => !h.taken && h.operationId === operationId && h.afterApplying === (phase === "after"));
    if (!hold) return undefined;
    hold.taken = true;
    hold.arrive();
    await hold.released;
    return hold.answer;
  }

  /** Lets every held request go (the stand-in is stopping). */
  releaseAll(): void {
    for (const hold of this.armed) hold.release();
  }
}
