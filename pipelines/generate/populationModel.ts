import type { Network } from "./networks.ts";
import type { TacModel } from "./buildTacCatalog.ts";

/** The shapes the generator's modules share: who exists, and what happens to them when. */

export type Role = "member" | "contact" | "decision_maker" | "dept_head" | "influencer";
export type Vip = "none" | "silver" | "gold" | "diamond";
export type Departure = "suspended" | "closed" | "ported_out" | "left_group";
export type Competitor = "CU" | "CT";

export interface Manager {
  id: string;
  name: string;
  branch: string;
  phone: string;
  email: string;
}

export interface Group {
  index: number;
  id: string;
  name: string;
  groupClass: "A" | "B" | "C";
  industry: string;
  orgType: string;
  employees: number;
  revenue10k: number;
  address: string;
  phone: string;
  branch: string;
  managerId: string;
  contractEnd: string | null;
  officeCells: string[];
  /** In line order: colleagues near each other in this list call each other. Joiners are appended. */
  members: Member[];
  /** Holds a scenario or decoy: background events leave the whole group alone so it stays readable. */
  planted: boolean;
}

/** A handset in use from `fromDay` (day index) until the next spell. */
export interface HandsetSpell {
  fromDay: number;
  imei: string;
  model: TacModel;
}

/**
 * Something that changes a member's usage from `fromDay` on (day index). Record-type factors are
 * [MOC, MTC, SMS_MO, SMS_MT] and multiply; the last forwarding/affinity effect in force wins.
 */
export type Effect =
  | { type: "scale"; fromDay: number; factors: readonly [number, number, number, number] }
  | { type: "forward"; fromDay: number; target: string; network: Network; share: number; minPerDay: number }
  | { type: "affinity"; fromDay: number; number: string; network: Network; mocShare: number; mtcShare: number }
  | { type: "moveContacts"; fromDay: number; ranks: number[]; networks: Competitor[] };

export interface Member {
  serial: number;
  msisdn: string;
  group: Group;
  /** Index in the group's line (`group.members`). */
  position: number;
  role: Role;
  vip: Vip;
  planFee: number;
  /** A plan change (downgrade) shown in members.csv from this week index on. */
  planChange: { fromWeek: number; fee: number } | null;
  joinDay: number;
  contractEnd: string | null;
  /** Calling volume relative to the mean member. */
  activity: number;
  homeCell: string;
  officeCell: string;
  handsets: HandsetSpell[];
  /** Status change during the run; before it the member is active. */
  departure: { day: number; status: Departure; portedTo: Competitor | null } | null;
  effects: Effect[];
  /** Bills from this month on are multiplied by `factor` (a plan downgrade). */
  billFactor: { fromMonth: string; factor: number } | null;
  valueAddedFee: number;
  /** 0..1: how much of the data overage this member runs up. */
  dataAppetite: number;
  /** Taken by a scenario or decoy: no other scenario picks it. */
  reserved: boolean;
  /** Forwards some calls to their own landline as a stable habit (never a signal). */
  habitualForwarder: boolean;
}

export interface Population {
  branches: string[];
  managers: Manager[];
  groups: Group[];
  /** Every member ever created (joiners too), by serial. */
  members: Member[];
  tac: TacModel[];
  /** The city's cells, shared by home and office cells. */
  cells: string[];
  /** Service SMS senders (network UNKNOWN). */
  serviceNumbers: string[];
}
