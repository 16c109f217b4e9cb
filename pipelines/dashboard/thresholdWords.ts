/**
 * The scoring configuration in words, for the Methodology page: each threshold as a sentence
 * fragment with its value and unit ("基线取前 4 周的中位数"), never a configuration path or `null`.
 * Every key of the `signals` and `scoring` sections has an entry here; a test fails on a key
 * without one, so a new threshold is explained when it is added.
 */

type Unit =
  | "cny" | "cnyMonth" | "share" | "weeks" | "months" | "days" | "members" | "calls" | "sd"
  | "minutesWeek" | "points" | "score" | "boost" | "factor" | "severity" | "callNow" | "count"
  | "contacts" | "bool" | "family" | "keyPersons";

interface Word {
  /** What the value means, in plain Chinese. */
  label: string;
  unit: Unit;
}

const FAMILY_ZH: Record<string, string> = {
  forwarding: "呼叫转移", dual_phone: "双机", usage: "通话量", revenue: "账单收入", retention: "成员保有",
  contract: "协议", arrears: "欠费", handset: "终端", key_person: "关键人",
};

/** A value with its unit, in words. */
export function wordValue(unit: Unit, value: unknown): string {
  if (value === null || value === undefined) {
    if (unit === "callNow") return "不单独要求本周致电";
    return "未设置";
  }
  const n = typeof value === "number" ? value : Number.NaN;
  const num = (x: number) => (Number.isInteger(x) ? x.toLocaleString("zh-CN") : String(Math.round(x * 1000) / 1000));
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  switch (unit) {
    case "cny": return `${num(n)} 元`;
    case "cnyMonth": return `${num(n)} 元/月`;
    case "share": return pct(n);
    case "weeks": return `${num(n)} 周`;
    case "months": return `${num(n)} 个月`;
    case "days": return `${num(n)} 天`;
    case "members": return `${num(n)} 人`;
    case "keyPersons": return `${num(n)} 名关键人`;
    case "calls": return `${num(n)} 次`;
    case "sd": return `${num(n)} 个标准差`;
    case "minutesWeek": return `${num(n)} 分钟/周`;
    case "points": return `${num(n)} 分`;
    case "score": return `${num(n)} 分（满分 100）`;
    case "boost": return `加 ${pct(n)}`;
    case "factor": return `权重的 ${pct(n)}`;
    case "severity": return `${num(n)} 级及以上`;
    case "callNow": return `严重度 ${num(n)} 级及以上即至少中风险（本周致电）`;
    case "count": return `${num(n)} 个`;
    case "contacts": return `${num(n)} 个联系人`;
    case "bool": return value ? "是" : "否";
    case "family": return `${FAMILY_ZH[String(value)] ?? String(value)}类`;
  }
}

const severityWords = (what: string): Record<string, Word> => ({
  severity1: { label: `${what}达到此比例为严重度 1`, unit: "share" },
  severity2: { label: `${what}达到此比例为严重度 2`, unit: "share" },
  severity3: { label: `${what}达到此比例为严重度 3`, unit: "share" },
});

const prefixed = (prefix: string, words: Record<string, Word>) =>
  Object.fromEntries(Object.entries(words).map(([k, w]) => [`${prefix}.${k}`, w]));

/** signals.* and scoring.* keys (per-signal maps as `scoring.weights.*`) → words. */
export const THRESHOLD_WORDS: Record<string, Word> = {
  "signals.midHighPlanFeeCny": { label: "中高端成员：VIP，或月套餐费不低于", unit: "cny" },
  "signals.significanceZ": { label: "通话次数的变化须达到（泊松检验）", unit: "sd" },
  "signals.contactsKeptPerMember": { label: "每名成员每周保留的常用联系人数（呼转对象总是保留）", unit: "contacts" },

  "signals.baseline.weeks": { label: "基线取此前若干周的中位数", unit: "weeks" },
  "signals.baseline.minWeeks": { label: "有效历史周数少于此数的成员不按通话量评估", unit: "weeks" },
  "signals.baseline.lookbackWeeks": { label: "基线最多越过已预警的周向前追溯", unit: "weeks" },
  "signals.baseline.populationMinMembers": { label: "稳定成员少于此数时不计算全网走势（按原值评估）", unit: "members" },

  "signals.zeroOutgoing.minExpectedCalls": { label: "本周预期主叫次数（基线 × 全网走势）至少为", unit: "calls" },

  "signals.batchForwarding.minCalls": { label: "成员一周内转移到集团外号码的来电至少", unit: "calls" },
  "signals.batchForwarding.minDays": { label: "且分布在至少", unit: "days" },
  "signals.batchForwarding.maxBaselineCalls": { label: "基线中的呼转次数不超过（即呼转是新习惯）", unit: "calls" },
  "signals.batchForwarding.minMembers": { label: "同一集团新近呼转的成员至少（严重度 2）", unit: "members" },
  "signals.batchForwarding.competitorShare": { label: "呼转到联通/电信号码的占比达到此值才算转向竞争对手", unit: "share" },
  "signals.batchForwarding.severity3Members": { label: "转向竞争对手的成员达到此数为严重度 3", unit: "members" },

  "signals.mouDrop.minBaselineMinutes": { label: "基线通话低于此值的成员不评估", unit: "minutesWeek" },
  ...prefixed("signals.mouDrop.memberDropShare", severityWords("成员通话分钟降幅")),
  ...prefixed("signals.mouDrop.groupDropShare", severityWords("集团总通话分钟降幅")),
  "signals.mouDrop.groupMinMembers": { label: "集团至少有此数被评估成员才评估集团总量", unit: "members" },

  "signals.arpuDrop.baselineMonths": { label: "基线取此前若干个月账单的中位数", unit: "months" },
  "signals.arpuDrop.minMonths": { label: "此前账单少于此数的成员不评估", unit: "months" },
  "signals.arpuDrop.minBaselineFeeCny": { label: "基线月账单低于此值的成员不评估", unit: "cny" },
  ...prefixed("signals.arpuDrop.dropShare", severityWords("月账单降幅")),

  ...prefixed("signals.revenueDrop.groupDropShare", severityWords("集团账单收入降幅")),
  "signals.revenueDrop.minBaselineRevenueCny": { label: "集团基线收入低于此值不评估", unit: "cnyMonth" },
  ...prefixed("signals.revenueDrop.memberShare", severityWords("账单下降成员的占比")),
  "signals.revenueDrop.minMembers": { label: "且账单下降的成员至少", unit: "members" },

  "signals.retentionDrop.windowWeeks": { label: "统计离开成员（销户、携号转网、退出集团）的时间窗", unit: "weeks" },
  ...prefixed("signals.retentionDrop.lostShare", severityWords("时间窗内离开成员的占比")),
  "signals.retentionDrop.severity2Ported": { label: "时间窗内携号转网人数达到此数为严重度 2", unit: "members" },
  "signals.retentionDrop.severity3Ported": { label: "时间窗内携号转网人数达到此数为严重度 3", unit: "members" },

  "signals.dualPhone.forwardingMinCalls": { label: "模型① 异常呼转：一周内转移到联通/电信号码的来电至少", unit: "calls" },
  "signals.dualPhone.forwardingMinDays": { label: "模型① 且分布在至少", unit: "days" },
  "signals.dualPhone.handsetLookbackWeeks": { label: "模型② 双模手机：手机须在最近若干周内出现", unit: "weeks" },
  "signals.dualPhone.handsetUsageDropShare": { label: "模型② 且此后本人通话分钟降幅至少", unit: "share" },
  "signals.dualPhone.handsetSignificanceZ": { label: "模型② 通话次数的下降至少", unit: "sd" },
  "signals.dualPhone.affinityMinCalls": { label: "模型③ 异网关联度：本周通话（主被叫）至少此数才评估", unit: "calls" },
  "signals.dualPhone.affinityDominanceShare": { label: "模型③ 某个联通/电信号码占其通话的比例至少", unit: "share" },
  "signals.dualPhone.affinityShareJump": { label: "模型③ 或异网通话占比上升至少（绝对值）", unit: "share" },
  "signals.dualPhone.circleTopContacts": { label: "模型④ 通信圈：取基线期最常联系的人数", unit: "contacts" },
  "signals.dualPhone.circleMinContactCalls": { label: "模型④ 基线期与其通话至少此数才算常联系人", unit: "calls" },
  "signals.dualPhone.circleMinMoved": { label: "模型④ 其中转到竞争对手的至少", unit: "contacts" },
  "signals.dualPhone.circleMinMovedShare": { label: "模型④ 且占常联系人的比例至少", unit: "share" },

  "signals.contractExpiry.noticeDays": { label: "协议到期前此天数开始预警（严重度 1）", unit: "days" },
  "signals.contractExpiry.severity2Days": { label: "剩余天数不超过此值为严重度 2", unit: "days" },
  "signals.contractExpiry.severity3Days": { label: "剩余天数不超过此值为严重度 3", unit: "days" },
  "signals.contractExpiry.expiredGraceDays": { label: "到期未续签后仍预警（严重度 3）的天数", unit: "days" },

  "signals.handsetChange.oldMinWeeks": { label: "旧手机作为主用手机至少", unit: "weeks" },
  "signals.handsetChange.newMinDays": { label: "新手机已使用至少", unit: "days" },
  "signals.handsetChange.flagWeeks": { label: "自新手机出现起持续预警", unit: "weeks" },

  "signals.keyPersonChange.decisionMakerIsContact": { label: "已登记的最高决策者同时算作联系人", unit: "bool" },
  "signals.keyPersonChange.severity3KeyPersons": { label: "一周内离开或变更角色的关键人达到此数为严重度 3（最高决策者一人即是）", unit: "keyPersons" },

  "scoring.weights": { label: "满严重度时带来的分数（加成前）", unit: "points" },
  "scoring.callNowSeverity": { label: "本周须致电", unit: "callNow" },
  "scoring.families": { label: "所属证据类别（同类只计最强的一个）", unit: "family" },
  "scoring.severityFactor.severity1": { label: "严重度 1 带来", unit: "factor" },
  "scoring.severityFactor.severity2": { label: "严重度 2 带来", unit: "factor" },
  "scoring.severityFactor.severity3": { label: "严重度 3 带来", unit: "factor" },
  "scoring.keyPersonBoost": { label: "涉及关键人时，该预警分数", unit: "boost" },
  "scoring.midHighBoost": { label: "涉及中高端成员时，该预警分数", unit: "boost" },
  "scoring.breadthBoost": { label: "涉及成员占比达到下一项时，该预警分数（不足按比例）", unit: "boost" },
  "scoring.breadthFullShare": { label: "涉及成员占集团在网成员的比例达到此值时加成满额", unit: "share" },
  "scoring.largeGroupBoost": { label: "A/B 类（大型）集团的分数", unit: "boost" },
  "scoring.valueBoost": { label: "按集团月收入的分数加成，最多", unit: "boost" },
  "scoring.valueFullRevenueCny": { label: "集团月收入达到此值时收入加成满额", unit: "cnyMonth" },
  "scoring.saturationPoints": { label: "分数饱和点：累计分数达到此值时风险分为 63", unit: "points" },
  "scoring.highMinScore": { label: "风险分达到此值为高风险", unit: "score" },
  "scoring.mediumMinScore": { label: "风险分达到此值为中风险", unit: "score" },
  "scoring.dualPhoneCareMoment.minMembers": { label: "双机关怀时机：同一集团出现双机信号的成员至少（至少中风险）", unit: "members" },
  "scoring.dualPhoneCareMoment.minShare": { label: "双机关怀时机：或占在网成员的比例至少", unit: "share" },
  "scoring.dualPhoneCareMoment.minShareMembers": { label: "双机关怀时机：按比例判断时成员至少", unit: "members" },
  "scoring.highMinFamilies": { label: "达到下一项严重度的独立证据类别至少此数为高风险", unit: "count" },
  "scoring.highFamilySeverity": { label: "计入独立证据类别的严重度", unit: "severity" },
  "scoring.highPortedPlusFamilies": { label: "已有成员携号转网，再加上此数其他证据类别即为高风险", unit: "count" },
  "scoring.reasonsShown": { label: "每个集团列出的原因条数（最强的在前）", unit: "count" },
};

/** Keys under which a value is kept per signal code. */
const PER_SIGNAL = ["scoring.weights", "scoring.callNowSeverity", "scoring.families"];

/** Which signals section (and extra keys) explains each signal. */
const SECTION_OF: Record<string, string[]> = {
  zero_outgoing: ["signals.zeroOutgoing"],
  batch_forwarding: ["signals.batchForwarding"],
  mou_drop: ["signals.mouDrop"],
  arpu_drop: ["signals.arpuDrop"],
  revenue_drop: ["signals.revenueDrop"],
  retention_drop: ["signals.retentionDrop"],
  dual_phone: ["signals.dualPhone", "scoring.dualPhoneCareMoment"],
  contract_expiry: ["signals.contractExpiry"],
  arrears: ["signals.midHighPlanFeeCny"],
  handset_change: ["signals.handsetChange"],
  key_person_change: ["signals.keyPersonChange"],
};

export interface WordedValue {
  label: string;
  value: string;
}

/** Every leaf of an object as [dotted path, value]. */
function leaves(value: unknown, prefix: string): Array<[string, unknown]> {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, `${prefix}.${k}`));
  }
  return [[prefix, value]];
}

/** The configuration keys (signals.*, scoring.*) the table has no words for. */
export function unwordedKeys(config: { signals: unknown; scoring: unknown }): string[] {
  return [...leaves(config.signals, "signals"), ...leaves(config.scoring, "scoring")]
    .map(([path]) => path)
    .filter((path) => !THRESHOLD_WORDS[path] && !PER_SIGNAL.some((p) => path.startsWith(`${p}.`)));
}

function worded(path: string, value: unknown): WordedValue {
  const perSignal = PER_SIGNAL.find((p) => path.startsWith(`${p}.`));
  const word = THRESHOLD_WORDS[perSignal ?? path] ?? { label: "其他参数", unit: "count" as Unit };
  return { label: word.label, value: wordValue(word.unit, value) };
}

export interface Methodology {
  /** Per signal code: its thresholds and its weight in the score, in words. */
  signals: Record<string, WordedValue[]>;
  baseline: WordedValue[];
  scoring: WordedValue[];
  general: WordedValue[];
}

/**
 * The stored signals/scoring sections in words, grouped as the page shows them: each signal's own
 * thresholds with its weight, call-now severity and family; the baseline; the score and tiers;
 * the settings every signal shares.
 */
export function wordThresholds(config: { signals: Record<string, unknown>; scoring: Record<string, unknown> }, codes: readonly string[]): Methodology {
  const all = [...leaves(config.signals, "signals"), ...leaves(config.scoring, "scoring")];
  const used = new Set<string>();
  const take = (predicate: (path: string) => boolean) =>
    all.filter(([path]) => predicate(path) && !used.has(path)).map(([path, value]) => (used.add(path), worded(path, value)));
  const signals: Record<string, WordedValue[]> = {};
  for (const code of codes) {
    const sections = SECTION_OF[code] ?? [];
    signals[code] = [
      ...take((path) => sections.some((s) => path === s || path.startsWith(`${s}.`))),
      ...PER_SIGNAL.flatMap((p) => take((path) => path === `${p}.${code}`)),
    ];
  }
  const baseline = take((path) => path.startsWith("signals.baseline."));
  const scoring = take((path) => path.startsWith("scoring.") && !PER_SIGNAL.some((p) => path.startsWith(`${p}.`)));
  const general = take((path) => path.startsWith("signals."));
  return { signals, baseline, scoring, general };
}
