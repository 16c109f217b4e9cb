import { weekStart } from "../lib/isoWeek.ts";
import { reasonTemplates as T } from "./reasonTemplates.ts";

type Detail = Record<string, unknown>;
type Values = Record<string, string | number>;

/** Fills `{name}` placeholders; a placeholder without a value is a bug in this file, so it throws. */
export function fill(template: string, values: Values): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) throw new Error(`reason template: no value for {${name}} in "${template}"`);
    return String(value);
  });
}

const num = (value: unknown): number => Number(value ?? 0);
/** Counts and minutes as people say them: whole numbers from 10 up, one decimal below. */
const amount = (value: unknown): string => {
  const n = num(value);
  return Math.abs(n) >= 10 ? String(Math.round(n)) : String(Number(n.toFixed(1)));
};
const percent = (share: unknown): string => `${Math.round(num(share) * 100)}%`;
/** A relative change as a signed percentage: 62 against 128 is "-52%". */
const change = (now: unknown, baseline: unknown): string => {
  const ratio = num(baseline) === 0 ? 0 : num(now) / num(baseline) - 1;
  const pct = Math.round(ratio * 100);
  return `${pct > 0 ? "+" : ""}${pct}%`;
};
/** A date as a manager reads it: "11月17日" (with the year when it is not the week's). */
const day = (isoDate: unknown, week: string): string => {
  const [y, m, d] = String(isoDate).slice(0, 10).split("-").map(Number);
  return `${y === Number(week.slice(0, 4)) ? "" : `${y}年`}${m}月${d}日`;
};
const month = (billMonth: unknown): string => `${Number(String(billMonth).slice(5, 7))}月`;
const network = (code: string): string => T.words.network[code as keyof typeof T.words.network] ?? T.words.network.UNKNOWN;
const networks = (codes: unknown): string => {
  const list = String(codes ?? "").split(";").filter(Boolean);
  return list.length ? list.map(network).join(T.parts.list_separator) : T.parts.networks_off_group;
};
const role = (code: unknown): string =>
  T.words.role[String(code) as keyof typeof T.words.role] ?? T.words.role.unknown;
const departure = (status: unknown): string =>
  T.words.departure[String(status) as keyof typeof T.words.departure] ?? String(status);
const handsetKind = (dualSim: unknown, cdma2000: unknown): string =>
  T.words.handsetKind[dualSim && cdma2000 ? "both" : dualSim ? "dual_sim" : cdma2000 ? "cdma2000" : "neither"];
/** "自11月10日当周起" while a warning goes on from an earlier week; "本周" when it is new. */
const since = (sinceWeek: string | null | undefined, week: string): string =>
  sinceWeek && sinceWeek < week ? fill(T.parts.since, { date: day(weekStart(sinceWeek), week) }) : T.parts.this_week;

export interface MemberSignalFacts {
  week: string;
  signal: string;
  model: string | null;
  detail: Detail;
}

function dualPhoneClause(model: string, evidence: Detail, week: string): string {
  switch (model) {
    case "forwarding":
      return fill(T.dualPhone.forwarding, { days: amount(evidence.days), calls: amount(evidence.calls) });
    case "handset":
      return fill(T.dualPhone.handset, {
        since: day(weekStart(String(evidence.since_week)), week),
        handset_kind: handsetKind(evidence.dual_sim, evidence.cdma2000),
        minutes_before: amount(evidence.minutes_before),
        minutes_now: amount(evidence.minutes_now),
        change: change(evidence.minutes_now, evidence.minutes_before),
      });
    case "affinity":
      return fill(T.dualPhone.affinity, {
        network: network(String(evidence.network)),
        competitor_share_baseline: percent(evidence.competitor_share_baseline),
        competitor_share: percent(evidence.competitor_share),
        top_number_share: percent(evidence.top_number_share),
      });
    case "circle":
      return fill(T.dualPhone.circle, {
        top_contacts: amount(evidence.top_contacts), moved: amount(evidence.moved), moved_colleagues: amount(evidence.moved_colleagues),
      });
    default:
      throw new Error(`reason: unknown dual-phone model '${model}'`);
  }
}

/** A member's own warning in one sentence (pub_member_signal.reason). */
export function memberReason({ week, signal, model, detail: d }: MemberSignalFacts): string {
  const m = T.member;
  switch (signal) {
    case "zero_outgoing":
      return fill(m.zero_outgoing, { baseline_weeks: amount(d.baseline_weeks), baseline_calls_out: amount(d.baseline_calls_out), calls_in: amount(d.calls_in) });
    case "batch_forwarding":
      return fill(m.batch_forwarding, {
        days: amount(d.days), networks: networks(d.networks), calls_forwarded: amount(d.calls_forwarded), baseline_calls: amount(d.baseline_calls),
      });
    case "mou_drop":
      return fill(m.mou_drop, {
        baseline_weeks: amount(d.baseline_weeks), baseline_minutes: amount(d.baseline_minutes), minutes_now: amount(d.minutes_now),
        change: change(d.minutes_now, d.baseline_minutes),
      });
    case "arpu_drop":
      return fill(m.arpu_drop, {
        baseline_months: amount(d.baseline_months), baseline_fee_cny: amount(d.baseline_fee_cny), bill_month: month(d.bill_month),
        fee_cny: amount(d.fee_cny), change: change(d.fee_cny, d.baseline_fee_cny),
      });
    case "arrears":
      return fill(m.arrears, { suspended_since: day(d.suspended_since, week), days_suspended: amount(d.days_suspended) });
    case "contract_expiry":
      return num(d.days_left) >= 0
        ? fill(m.contract_expiry, { contract_end: day(d.contract_end, week), days_left: amount(d.days_left) })
        : fill(m.contract_expired, { contract_end: day(d.contract_end, week), days_ago: amount(-num(d.days_left)) });
    case "handset_change":
      return fill(m.handset_change, {
        since: day(weekStart(String(d.since_week)), week), handset_kind: handsetKind(d.dual_sim, d.cdma2000),
        days_used: amount(d.days_used), old_handset_weeks: amount(d.old_handset_weeks),
      });
    case "retention_drop":
      return fill(m.retention_drop, { departure: departure(d.status) });
    case "dual_phone": {
      const evidence = (d.evidence ?? {}) as Record<string, Detail>;
      const clauses = (model ?? "").split(";").filter(Boolean).map((name) => dualPhoneClause(name, evidence[name] ?? {}, week));
      return fill(m.dual_phone, { clauses: clauses.join(T.parts.clause_separator) });
    }
    case "key_person_change":
      return d.change === "role_changed"
        ? fill(m.key_person_role_changed, { role_before: role(d.role_before), role_now: role(d.role_now) })
        : fill(m.key_person_change, { departure: departure(d.change), role_before: role(d.role_before) });
    default:
      throw new Error(`reason: no template for member signal '${signal}'`);
  }
}

export interface GroupSignalFacts {
  week: string;
  signal: string;
  model: string | null;
  level: string | null;
  detail: Detail;
  members_affected: number;
  key_persons_affected: number;
  members_active: number;
  since_week: string | null;
}

/** A group's warning in one sentence (pub_group_signal.reason). */
export function groupSignalReason(row: GroupSignalFacts): string {
  const { week, signal, model, detail: d } = row;
  const g = T.group;
  if (row.level === "members") {
    const template = T.members[signal as keyof typeof T.members];
    if (!template) throw new Error(`reason: no roll-up template for '${signal}'`);
    return fill(template, {
      members_active: amount(row.members_active),
      members_affected: amount(row.members_affected),
      key_persons: row.key_persons_affected > 0 ? fill(T.parts.key_persons, { n: amount(row.key_persons_affected) }) : "",
      since: since(row.since_week, week),
    });
  }
  const models = (model ?? "").split(";");
  switch (signal) {
    case "batch_forwarding":
      return fill(g.batch_forwarding, {
        members_active: amount(row.members_active), members_forwarding: amount(d.members_forwarding),
        since: since(row.since_week, week), networks: networks(d.competitor_networks), calls_forwarded: amount(d.calls_forwarded),
      });
    case "mou_drop":
      return models.includes("group_total")
        ? fill(g.mou_drop_group_total, {
          drop: percent(d.group_drop_share), baseline_minutes: amount(d.group_minutes_baseline),
          minutes_now: amount(d.group_minutes_now),
          members_down: num(d.members_down) > 0 ? fill(T.parts.members_down, { n: amount(d.members_down) }) : "",
        })
        : fill(g.mou_drop_members, { members_active: amount(row.members_active), members_down: amount(d.members_down), member_drop: percent(d.member_drop_share) });
    case "revenue_drop":
      return models.includes("group_revenue")
        ? fill(g.revenue_drop_group_revenue, {
          baseline_revenue_cny: amount(d.baseline_revenue_cny), revenue_cny: amount(d.revenue_cny), change: change(d.revenue_cny, d.baseline_revenue_cny),
        })
        : fill(g.revenue_drop_member_bills, {
          billed_members: amount(d.billed_members), members_bill_falling: amount(d.members_bill_falling), member_drop: percent(d.member_drop_share),
        });
    case "retention_drop":
      return fill(g.retention_drop, {
        window_weeks: amount(d.window_weeks), members_in_window: amount(d.members_in_window), lost: amount(d.lost),
        ported: num(d.ported) > 0 ? fill(T.parts.ported, { n: amount(d.ported) }) : "",
      });
    case "contract_expiry":
      return num(d.days_left) >= 0
        ? fill(g.contract_expiry, { contract_end: day(d.contract_end, week), days_left: amount(d.days_left) })
        : fill(g.contract_expired, { contract_end: day(d.contract_end, week), days_ago: amount(-num(d.days_left)) });
    case "key_person_change":
      return keyPersonHealth(d);
    default:
      throw new Error(`reason: no template for group signal '${signal}'`);
  }
}

/**
 * key_person_change at group level: what is missing on record, then this week's changes, e.g.
 * "集团名下无在网的最高决策者；本周1名关键人离开集团，其中含最高决策者".
 */
function keyPersonHealth(d: Detail): string {
  const g = T.group;
  const p = T.parts;
  const clauses: string[] = [];
  const missing = d.no_decision_maker && d.no_contact ? p.no_decision_maker_nor_contact
    : d.no_decision_maker ? p.no_decision_maker : d.no_contact ? p.no_contact : null;
  if (missing) clauses.push(fill(g.key_person_no_record, { roles: missing }));
  const gone: Array<[string, unknown]> = [
    ["left_group", d.key_persons_left], ["ported_out", d.key_persons_ported], ["closed", d.key_persons_closed],
  ];
  const changes = [
    ...gone.filter(([, n]) => num(n) > 0).map(([status, n]) => fill(p.key_persons_gone, { n: amount(n), departure: departure(status) })),
    ...(num(d.role_changes) > 0 ? [fill(p.key_persons_role_changed, { n: amount(d.role_changes) })] : []),
  ];
  if (changes.length) {
    clauses.push(fill(g.key_person_change, {
      changes: changes.join(p.list_separator),
      decision_maker: num(d.decision_makers_gone) > 0 ? p.decision_maker_among : "",
    }));
  }
  return clauses.join(p.clause_separator);
}

/** Who a dual-phone care moment touches (the group's dual_phone roll-up). */
export interface CareFacts {
  members: number;
  key_persons: number;
  mid_high: number;
}

export interface TierFacts {
  tier: string;
  tier_rule: string;
  risk_score: number;
  families: number | null;
  /** The fired signals' names, strongest first, as they read in Chinese. */
  signal_labels: string[];
  /** For the care_moment rule: whom the dual-phone sign touches. */
  care?: CareFacts;
}

/** Why the group has its tier, or '' for `low` (nothing to explain). */
export function tierReason(row: TierFacts, lines: { high: number; medium: number }): string {
  if (row.tier === "low") return "";
  const t = T.tierRule;
  const labels = row.signal_labels.join(T.parts.list_separator);
  switch (row.tier_rule) {
    case "score":
      return fill(row.tier === "high" ? t.score_high : t.score_medium, {
        score: amount(row.risk_score), line: amount(row.tier === "high" ? lines.high : lines.medium),
      });
    case "families":
      return fill(t.families, { families: amount(row.families) });
    case "ported_plus":
      return fill(t.ported_plus, { other_families: amount(Math.max(0, num(row.families) - 1)) });
    case "call_now":
      return fill(t.call_now, { signals: labels });
    case "care_moment": {
      const care = row.care ?? { members: 0, key_persons: 0, mid_high: 0 };
      const among = [
        ...(care.key_persons > 0 ? [fill(T.parts.care_key_persons, { n: amount(care.key_persons) })] : []),
        ...(care.mid_high > 0 ? [fill(T.parts.care_mid_high, { n: amount(care.mid_high) })] : []),
      ];
      return fill(t.care_moment, {
        signals: labels,
        members: amount(care.members),
        among: among.length ? fill(T.parts.care_among, { list: among.join(T.parts.list_separator) }) : "",
      });
    }
    default:
      throw new Error(`reason: no template for tier rule '${row.tier_rule}'`);
  }
}
