/**
 * Every sentence a person reads about a warning: the call lists, at_risk_groups.csv,
 * member_signals.csv and the dashboard all show these, worded once when a week is published.
 * Plain Chinese with numbers and units, never a field name (a test renders each from real signal
 * rows and refuses ASCII words or JSON). `{name}` is filled by wordReasons.ts with a formatted value.
 */
export const reasonTemplates = {
  /** A member's own warning (pub_member_signal.reason), by signal. */
  member: {
    zero_outgoing: "近{baseline_weeks}周平均每周主叫{baseline_calls_out}次，本周0次（被叫{calls_in}次）",
    batch_forwarding: "本周有{days}天将来电转移至{networks}号码，共{calls_forwarded}次（此前每周{baseline_calls}次）",
    mou_drop: "近{baseline_weeks}周平均每周通话{baseline_minutes}分钟，本周{minutes_now}分钟（{change}）",
    arpu_drop: "近{baseline_months}个月月均话费{baseline_fee_cny}元，{bill_month}{fee_cny}元（{change}）",
    arrears: "自{suspended_since}起欠费停机，已停机{days_suspended}天",
    contract_expiry: "本人协议{contract_end}到期，还有{days_left}天",
    contract_expired: "本人协议已于{contract_end}到期{days_ago}天，尚未续签",
    handset_change: "自{since}当周起换用{handset_kind}手机，已用{days_used}天，原手机用了{old_handset_weeks}周",
    retention_drop: "本周{departure}",
    key_person_change: "本周{departure}（原为{role_before}）",
    key_person_role_changed: "本周角色由{role_before}变为{role_now}",
    dual_phone: "疑似双机：{clauses}",
  },
  /** dual_phone, one clause per model that fired (joined with "；"). */
  dualPhone: {
    forwarding: "本周有{days}天将来电转移至异网号码，共{calls}次",
    handset: "自{since}当周起使用{handset_kind}手机，此后每周通话由{minutes_before}分钟降至{minutes_now}分钟（{change}）",
    affinity: "与{network}号码的通话占比由{competitor_share_baseline}升至{competitor_share}，最常联系的一个{network}号码占{top_number_share}",
    circle: "最常联系的{top_contacts}人中有{moved}人已转到异网（其中同事{moved_colleagues}人）",
  },
  /** A group-level measure (pub_group_signal.reason), by signal and, where it differs, by measure. */
  group: {
    batch_forwarding: "{members_active}名成员中{members_forwarding}人{since}将来电转移至{networks}号码，共{calls_forwarded}次",
    mou_drop_group_total: "集团通话分钟数较平常下降{drop}（每周{baseline_minutes}分钟降至{minutes_now}分钟）{members_down}",
    mou_drop_members: "{members_active}名成员中{members_down}人通话分钟数较平常下降{member_drop}以上",
    revenue_drop_group_revenue: "集团月收入由{baseline_revenue_cny}元降至{revenue_cny}元（{change}）",
    revenue_drop_member_bills: "{billed_members}名计费成员中{members_bill_falling}人月话费下降{member_drop}以上",
    retention_drop: "近{window_weeks}周{members_in_window}名成员中{lost}人离开{ported}",
    contract_expiry: "集团协议{contract_end}到期，还有{days_left}天",
    contract_expired: "集团协议已于{contract_end}到期{days_ago}天，尚未续签",
    key_person_no_record: "集团名下无在网的{roles}",
    key_person_change: "本周{changes}{decision_maker}",
  },
  /** A roll-up of members' own warnings: "{members_active}名成员中{members_affected}人{key_persons}…". */
  members: {
    zero_outgoing: "{members_active}名成员中{members_affected}人{key_persons}{since}未打出电话",
    batch_forwarding: "{members_active}名成员中{members_affected}人{key_persons}{since}将来电转移至其他号码",
    mou_drop: "{members_active}名成员中{members_affected}人{key_persons}通话分钟数明显下降",
    arpu_drop: "{members_active}名成员中{members_affected}人{key_persons}月话费明显下降",
    arrears: "{members_active}名成员中{members_affected}人{key_persons}欠费停机",
    dual_phone: "{members_active}名成员中{members_affected}人{key_persons}{since}疑似使用异网第二部手机",
    contract_expiry: "{members_affected}名关键人的个人协议即将到期",
    handset_change: "{members_active}名成员中{members_affected}人{key_persons}近期更换手机",
    retention_drop: "{members_active}名成员中{members_affected}人本周离开",
    key_person_change: "{members_active}名成员中{members_affected}名关键人本周离开或角色变动",
  },
  /** Pieces the templates above take. */
  parts: {
    key_persons: "（含关键人{n}名）",
    since: "自{date}当周起",
    this_week: "本周",
    ported: "，其中{n}人携号转网",
    members_down: "，其中{n}人降幅明显",
    networks_off_group: "群外",
    list_separator: "、",
    clause_separator: "；",
    no_decision_maker: "最高决策者",
    no_contact: "联系人",
    no_decision_maker_nor_contact: "最高决策者和联系人",
    key_persons_gone: "{n}名关键人{departure}",
    key_persons_role_changed: "{n}名关键人角色变动",
    decision_maker_among: "，其中含最高决策者",
    care_among: "（含{list}）",
    care_key_persons: "关键人{n}名",
    care_mid_high: "中高端成员{n}名",
  },
  /** A call-list line's reason: the person's own warnings, then (for those who speak for the group) the group's. */
  callList: {
    own: "本人：{sentences}",
    group: "集团：{sentences}",
    no_key_person: "集团名下已无可联系的关键人",
    carried_over: "上周未联系",
    separator: "。",
  },
  /** Why a group has its tier (pub_group_week.tier_reason), by the rule that set it. */
  tierRule: {
    score_high: "风险分{score}，达到高风险线{line}",
    score_medium: "风险分{score}，达到中风险线{line}",
    families: "{families}类相互独立的预警同时出现",
    ported_plus: "已有成员携号转网，另有{other_families}类预警",
    call_now: "{signals}需本周联系",
    care_moment: "{signals}涉及{members}名成员{among}，需本周关怀",
  },
  /** How a code reads inside a sentence. */
  words: {
    signal: {
      zero_outgoing: "零次通话", batch_forwarding: "批量呼叫转移", mou_drop: "通话时长下降", arpu_drop: "月话费下降",
      revenue_drop: "集团收入下降", retention_drop: "成员流失", dual_phone: "疑似双机", contract_expiry: "协议到期",
      arrears: "欠费停机", handset_change: "更换手机", key_person_change: "关键人变动",
    },
    network: { CU: "联通", CT: "电信", CMCC: "移动", FIXED: "固话", INTL: "国际", UNKNOWN: "不明网络" },
    departure: { closed: "销号", ported_out: "携号转网", left_group: "离开集团" },
    role: {
      decision_maker: "最高决策者", dept_head: "通信部门负责人", contact: "联系人", influencer: "其他决策人",
      member: "普通成员", unknown: "未登记角色",
    },
    handsetKind: { dual_sim: "可插双卡的", cdma2000: "支持电信卡的", both: "可插双卡、支持电信卡的", neither: "新" },
  },
} as const;
