import { SIGNAL_CODES, type SignalCode } from "../config/scoringConfig.ts";
import { signalLabels } from "../export/signalLabels.ts";

/** What each warning means, in plain Chinese for the Methodology page (domain.md). */
const about: Record<string, string> = {
  zero_outgoing:
    "一名原本经常主叫的在网成员本周没有任何主叫通话，而按其基线（乘以全网当周走势）本应打出若干次。对关键人和中高端成员，这是最强的早期信号。",
  batch_forwarding:
    "同一集团的多名成员新近开始把来电转移到集团以外的号码（呼叫转移），尤其是联通、电信号码，且持续多天——与其基线相比是新习惯，持续期间一直预警。",
  mou_drop: "成员通话分钟数较其基线大幅下降，且降幅超过全网当周走势；集团被评估成员的总分钟数也下降。",
  arpu_drop: "成员月账单较其此前几个月大幅下降。",
  revenue_drop: "集团账单总收入较其前几周明显下降，或集团中相当比例成员的账单下降。",
  retention_drop:
    "集团在网成员比例下降：近几周有成员销户、携号转网或退出集团。携号转网到竞争对手影响最大，出现任何一例携号转网即预警。",
  dual_phone:
    "成员很可能另持一张竞争对手的号码。四类模型任一命中即预警：① 异常呼转——来电反复转移到联通/电信号码；② 双模手机——出现可插竞争对手卡的手机，且此后本人通话量下降（仅有手机不说明问题）；③ 异网关联度——某个联通/电信号码在其联系人中占主导，或异网通话占比跳升；④ 通信圈——其最常联系的人已转到竞争对手。",
  contract_expiry: "集团（或关键人）的协议即将到期，或到期后未续签：这是竞争对手的窗口期。",
  arrears: "中高端成员或关键人因欠费停机。",
  handset_change: "成员在旧手机使用一个月以上后换用新手机并已使用数天：这是关怀时机；新手机若能插竞争对手的卡，也是风险。",
  key_person_change: "集团没有登记最高决策者或联系人，或本周有关键人离开集团、携号转网、销户或角色变更：集团内失去了对接人。",
};

export interface SignalName {
  code: SignalCode;
  /** The operators' term (domain.md), as the exports use it. */
  zh: string;
  /** What it means, in a sentence or two. */
  about: string;
}

/** Every signal code in README order, with its Chinese name and meaning. */
export function signalNames(): SignalName[] {
  return SIGNAL_CODES.map((code) => ({ code, zh: signalLabels[code] ?? code, about: about[code] ?? "" }));
}
