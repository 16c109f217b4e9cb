// Reads one group's drill-down data (pipelines/dashboard/groupArchive.ts, drill_members.sql) for
// the week picked: every figure of the page is taken from here for that week.

const STATUS = {a: "active", s: "suspended", c: "closed", p: "ported_out", l: "left_group"};
const ROLE = {d: "decision_maker", h: "dept_head", c: "contact", i: "influencer", m: "member"};

/** The date of weekday `dow` (1 = Monday … 7 = Sunday) of ISO week "YYYY-Www", as YYYY-MM-DD. */
export function isoWeekDate(week, dow) {
  const [year, w] = week.split("-W").map(Number);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (w - 1) * 7 * 86_400_000);
  return new Date(monday.getTime() + (dow - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** The value of a series kept as its changes ([[week index, value], …]) at week index i. */
function valueAt(changes, i) {
  let value = null;
  for (const [from, v] of changes) {
    if (from > i) break;
    value = v;
  }
  return value;
}

/** The group's figures of week index i, as one row. */
export function weekRow(data, i) {
  const row = {week: data.weeks[i]};
  for (const [key, values] of Object.entries(data.w)) row[key] = data.w_text.includes(key) ? data.texts[values[i]] : values[i];
  return row;
}

/** Every week's figures (for the charts over time). */
export const weekRows = (data) => data.weeks.map((_, i) => weekRow(data, i));

/**
 * The members as of week index i: those listed that week (and, with `all`, those listed in any
 * week, as last known), each with that week's status, role, minutes, baseline and signals, and
 * when they were last active up to that week.
 */
export function memberRows(data, i, {signalsOf = () => [], reasonsOf = () => []} = {}) {
  const m = data.members;
  const out = [];
  for (let k = 0; k < m.member_key.length; k++) {
    const status = m.status[k][i];
    if (status === "-" || status === undefined) continue;
    let lastActive = null;
    for (let j = i; j >= 0; j--) {
      const days = m.active_days[k][j];
      if (days !== "-" && days !== "0") {
        const seen = m.seen_weekday[k][j];
        lastActive = {week: data.weeks[j], day: seen && seen !== "0" && seen !== "-" ? isoWeekDate(data.weeks[j], Number(seen)) : null};
        break;
      }
    }
    const minutes = m.minutes[k][i];
    const baseline = m.baseline[k][i];
    out.push({
      index: k,
      member_key: m.member_key[k],
      msisdn_masked: m.msisdn_masked[k],
      role: ROLE[m.role[k][i]] ?? "member",
      is_key_person: (ROLE[m.role[k][i]] ?? "member") !== "member",
      vip_level: m.vip_level[k],
      is_mid_high_end: m.is_mid_high_end[k],
      status: STATUS[status] ?? "unknown",
      active_days: Number(m.active_days[k][i]),
      last_active: lastActive ? `${lastActive.day ?? lastActive.week}` : null,
      last_active_week: lastActive?.week ?? null,
      minutes,
      baseline,
      change: baseline ? minutes / baseline - 1 : null,
      handset: valueAt(m.handset[k], i),
      signals: signalsOf(k).join(";"),
      reasons: reasonsOf(k).join("；")
    });
  }
  return out;
}

/** Week index i's member signals: member index → codes and sentences. */
export function memberSignalsOf(data, i) {
  const codes = new Map();
  const reasons = new Map();
  for (const [wi, mi, code, , text] of data.member_signals) {
    if (wi !== i) continue;
    codes.set(mi, [...(codes.get(mi) ?? []), code]);
    reasons.set(mi, [...(reasons.get(mi) ?? []), data.texts[text]]);
  }
  return {signalsOf: (k) => codes.get(k) ?? [], reasonsOf: (k) => reasons.get(k) ?? []};
}

/** Week index i's group signals, strongest first, with their sentences. */
export function groupSignals(data, i) {
  return data.signals
    .filter((s) => s[0] === i)
    .map(([, signal, severity, members_affected, since_week, text]) => ({signal, severity, members_affected, since_week, reason: data.texts[text]}));
}

/** Every week's group signals (the timeline). */
export function allGroupSignals(data) {
  return data.signals.map(([wi, signal, severity, members_affected, since_week, text]) => ({week: data.weeks[wi], signal, severity, members_affected, since_week, reason: data.texts[text]}));
}

/** Forwarded calls per week and network. */
export function forwardingRows(data) {
  return data.forwarding.map(([wi, network, calls, members, targets]) => ({week: data.weeks[wi], network, calls, members, targets}));
}

/** The handsets in use in week index i: one row per kind, with the members using it. */
export function handsetRows(data, members) {
  const counts = new Map();
  for (const m of members) if (m.handset != null) counts.set(m.handset, (counts.get(m.handset) ?? 0) + 1);
  return [...counts].map(([h, n]) => {
    const [brand, model, dual_sim, cdma2000] = data.handsets[h];
    return {brand, model, dual_sim, cdma2000, members: n};
  });
}
