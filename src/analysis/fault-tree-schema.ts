import { z } from "zod";

/** Caps that keep a repository-supplied tree cheap to validate and to draw. */
export const FAULT_TREE_LIMITS = { maxGates: 500, maxEvents: 2000, maxInputsPerGate: 100, maxTextLength: 500 } as const;

const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "ids are 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit");

const text = z.string().trim().min(1).max(FAULT_TREE_LIMITS.maxTextLength);

/** A logic gate: its output event happens when enough of its inputs happen. */
export const faultTreeGateSchema = z.strictObject({
  /** Unique id of the gate's output event, referenced from other gates' `inputs` and from `top`. */
  id,
  /** What the gate's output event means, shown in diagrams. Defaults to the id. */
  description: text.optional(),
  /**
   * `or`: any input causes it. `and`: all inputs together cause it.
   * `k-of-n`: at least `k` of the inputs (voting gate, e.g. 2 of 3 replicas down).
   */
  type: z.enum(["and", "or", "k-of-n"]),
  /** For `k-of-n` only: how many inputs must happen, 1 ≤ k ≤ number of inputs. */
  k: z.number().int().optional(),
  /** Ids of the gates or basic events feeding this gate. At least one; no repeats. */
  inputs: z.array(id).max(FAULT_TREE_LIMITS.maxInputsPerGate),
});

/** A basic event: a leaf failure that is not broken down further. */
export const faultTreeEventSchema = z.strictObject({
  /** Unique id, referenced from gates' `inputs`. */
  id,
  /** What the failure is, shown in diagrams and cut sets. Defaults to the id. */
  description: text.optional(),
  /** Optional probability (0-1) over the period you care about; enables the top-event estimate. */
  probability: z.number().min(0).max(1).optional(),
});

/** A fault tree file in `.github/fault-trees/<name>.yml`. */
export const faultTreeSchema = z.strictObject({
  /** Human title of the tree, e.g. "Inference service unavailable". */
  title: text,
  /** Longer context for readers; not used in computation. */
  description: z.string().max(4000).optional(),
  /** Id of the gate (or, trivially, basic event) that is the undesired top event. */
  top: id,
  /** The gates. A gate's id may appear in several gates' inputs (a shared sub-tree). */
  gates: z.array(faultTreeGateSchema).max(FAULT_TREE_LIMITS.maxGates),
  /** The basic events. A basic event may feed several gates (a repeated event). */
  events: z.array(faultTreeEventSchema).min(1).max(FAULT_TREE_LIMITS.maxEvents),
});

export type FaultTreeGate = z.infer<typeof faultTreeGateSchema>;
export type FaultTreeEvent = z.infer<typeof faultTreeEventSchema>;
export type FaultTree = z.infer<typeof faultTreeSchema>;
