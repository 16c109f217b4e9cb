import type { SignalCode } from "../config/scoringConfig.ts";
import type { Planter } from "./Planter.ts";
import type { Member } from "./populationModel.ts";

/** What one kind of planted scenario (or decoy) is, and how it is planted in a group. */
export interface ScenarioKind {
  kind: string;
  /** The domain code it is about (for a decoy: the code it tempts and that must stay quiet). */
  signal: SignalCode;
  /** For dual_phone: which of the four models. */
  model: "forwarding" | "handset" | "affinity" | "circle" | null;
  /**
   * Codes it may legitimately make fire in its group, its own and side effects (a usage fall may
   * fire mou_drop beside dual_phone). Never listed as quiet for any scenario of that group.
   */
  mayFire: readonly SignalCode[];
  /** Decoys only: the codes that must stay quiet. Planted kinds derive theirs from their group. */
  quiet?: readonly SignalCode[];
  /** Plants it in the planter's group; null when the group or the run cannot hold it. */
  plant(p: Planter): Planted | null;
}

export interface Planted {
  members: Member[];
  /** Members kept out of other scenarios without being part of this one (a forwarding colleague). */
  alsoReserved?: Member[];
  start: number | null;
  /** Week index from which `signal` is expected to fire; null: not inside the run (or a decoy). */
  firesFrom: number | null;
  notes: string;
  /** Kind-specific fields of the ground-truth record (phases, bill_months, contract_end). */
  extra?: Record<string, unknown>;
}
