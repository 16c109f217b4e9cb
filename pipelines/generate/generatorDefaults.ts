/**
 * Every number the synthetic generator draws from, in one place (README "Synthetic data" documents
 * the ranges). Modules read these values; none keeps a threshold of its own.
 */
export const generatorDefaults = {
  /** Command-line defaults (`churnwatch generate`). */
  options: {
    groups: 50,
    weeks: 8,
    seed: 1,
    startWeek: "2026-W38",
    encoding: "utf-8" as "utf-8" | "gbk",
    delimiter: "," as "," | "|",
    gzip: false,
    plantedShare: 0.3,
    /** Mean CDR rows per member and ordinary week: 200,000 members × 200 = the city's 40 M rows. */
    cdrPerMember: 200,
  },

  population: {
    /** Group sizes are log-normal (median, sigma), clamped: many of 5–50, a few of several hundred; mean ≈ 40. */
    groupSizeMedian: 21.5,
    groupSizeSigma: 1.1,
    groupSizeMin: 5,
    groupSizeMax: 1500,
    /** Class by size: A from this many members, B from classBMinMembers, else C. */
    classAMinMembers: 150,
    classBMinMembers: 50,
    /** One branch per this many groups (at most one per district name). */
    groupsPerBranch: 25,
    /** Urban districts come first and hold more groups: branch weight 1/rank^exponent. */
    branchWeightExponent: 0.5,
    /** Share of people's names with a two-character given name. */
    twoCharGivenNameShare: 0.6,
    /** An account manager owns about this many groups. */
    groupsPerManager: 40,
    /** Key persons per group: one per this many members, between min and max. */
    keyPersonsMin: 1,
    keyPersonsMax: 5,
    membersPerKeyPerson: 15,
    /** Staff per member line (a company's employee count is larger than its lines). */
    employeesPerMember: [1.1, 4] as const,
    /** Annual revenue per employee, 10k CNY. */
    revenuePer10kEmployee: [8, 90] as const,
    /** Share of groups / members with an agreement end date (others null). */
    groupContractShare: 0.7,
    memberContractShare: 0.3,
    /** Agreement ends outside every planted expiry: at least this many days after the run's last day. */
    contractMinDaysAway: 180,
    contractMaxDaysAway: 1100,
    /** Addresses that exercise RFC 4180 quoting: an ASCII comma, an ASCII quote, a line break. */
    addressCommaShare: 0.12,
    addressQuoteShare: 0.02,
    addressNewlineShare: 0.005,
    /** Members joined between this many years and joinRecentWeeks weeks before the first week. */
    joinYearsBack: 12,
    joinRecentWeeks: 8,
    /** VIP level weights for ordinary members and for key persons (none, silver, gold, diamond). */
    vipWeights: [0.8, 0.12, 0.06, 0.02] as const,
    vipWeightsKeyPerson: [0.35, 0.3, 0.25, 0.1] as const,
    /** Monthly plan fees (CNY) and their weights; VIP levels shift the draw up by that many tiers. */
    planFees: [18, 38, 58, 88, 128, 158, 198, 238, 288, 388, 588] as const,
    planFeeWeights: [0.08, 0.16, 0.2, 0.18, 0.13, 0.09, 0.07, 0.04, 0.03, 0.015, 0.005] as const,
    /** A member's calling volume relative to the mean: log-normal sigma, clamped. */
    activitySigma: 0.7,
    activityMin: 0.05,
    activityMax: 6,
    /** Days before the run the initial handset came into use (≥ 8 weeks: an old handset). */
    initialHandsetAgeDays: [56, 900] as const,
    /** Handset popularity by launch year (first match) and for a series' base model over its variants. */
    handsetRecency: [
      { from: 2023, factor: 3 },
      { from: 2021, factor: 2 },
      { from: 2019, factor: 1 },
      { from: 0, factor: 0.4 },
    ] as const,
    handsetBaseModelFactor: 1.5,
    /** Office cells per group (members share their group's building) and the city's cell count. */
    officeCellsMax: 3,
    cityCells: 4000,
  },

  usage: {
    /** Relative volume Monday..Sunday. */
    dayWeights: [1.05, 1.05, 1, 1, 1, 0.65, 0.55] as const,
    /** Relative volume per hour 0..23 on working days and on rest days (weekends, holidays). */
    hourWeightsWork: [0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 3.5, 6, 6.5, 6, 4, 4, 5.5, 6, 6, 5.5, 4.5, 3.5, 3.5, 3, 2, 1] as const,
    hourWeightsRest: [0.5, 0.3, 0.15, 0.1, 0.1, 0.15, 0.3, 0.8, 1.8, 3, 4, 4.5, 4.5, 4, 4, 4, 4, 4, 4, 4.5, 4.5, 4, 3, 1.5] as const,
    /** Mix of record types (MOC, MTC, SMS_MO, SMS_MT) before scenarios reshape it. */
    typeMix: [0.3, 0.3, 0.1, 0.3] as const,
    /** Call lengths: log-normal median seconds and sigma, clamped to [1, max]. */
    callDurationMedianS: 55,
    callDurationSigma: 1.1,
    callDurationMaxS: 3600,
    /** A member's external contact circle: size range and Zipf exponent of contact weights. */
    circleExternalMin: 12,
    circleExternalMax: 40,
    circleZipf: 1,
    /** Colleagues a member is tied to on each side in the group's line of acquaintance. */
    colleagueReachMin: 1,
    colleagueReachMax: 3,
    /** Share of events with a number outside the circle (one-off), and of SMS_MT from service numbers. */
    oneOffShare: 0.15,
    serviceSmsShare: 0.1,
    serviceNumbers: 60,
    /** Networks of external contacts (CMCC, CU, CT, FIXED, INTL, UNKNOWN). */
    contactNetworkWeights: [0.55, 0.2, 0.15, 0.08, 0.01, 0.01] as const,
    /** Share of mobile contacts whose number has ported (prefix says one network, NP database another). */
    portedContactShare: 0.03,
    /** Working-hours events served by the office cell with this probability (else home), and off-hours by home. */
    officeCellShare: 0.8,
    homeCellShare: 0.85,
    workHours: [9, 18] as const,
    /** SMS_MT records without an IMEI (delivered while the handset was off). */
    smsMtNoImeiShare: 0.01,
    /** Members who habitually forward some calls to their own landline (a stable habit, not a signal). */
    habitualForwarderShare: 0.005,
    habitualForwardShare: 0.15,
    /** A joiner's first week runs at this share of their normal volume. */
    joinerFirstWeekFactor: 0.6,
  },

  holidays: {
    /** Fall of everyone's usage in a week that holds at least fullEffectDays holiday days. */
    weekDrop: 0.35,
    fullEffectDays: 3,
    /** Floor of a holiday day's volume factor. */
    minDayFactor: 0.15,
  },

  billing: {
    /** Bill months the first bundle carries (later bundles: the latest closed month). */
    initialMonths: 3,
    /** How the plan fee splits across bill components. */
    planShares: { voice: 0.35, data: 0.5, sms: 0.03, other: 0.12 },
    /** Overage beyond the plan, as a share of the plan fee, at the heaviest usage. */
    voiceOverageMax: 0.08,
    dataOverageMax: 0.15,
    /** Value-added services (CNY per month) a member may hold. */
    valueAddedFees: [0, 0, 0, 5, 10, 15] as const,
    /** Share of re-delivered bills that carry a correction, and its largest amount (CNY). */
    correctionShare: 0.02,
    correctionMaxCny: 10,
  },

  background: {
    /** Per active member and week, in groups holding no scenario or decoy. */
    departurePerMemberWeek: 0.002,
    /** Departure kinds: left_group, closed, ported_out, suspended. */
    departureMix: [0.4, 0.3, 0.15, 0.15] as const,
    joinPerMemberWeek: 0.002,
    handsetChangePerMemberWeek: 0.008,
    /** China Telecom's share of port-outs (the rest go to China Unicom). */
    portToCtShare: 0.55,
  },

  scenarios: {
    /** No scenario starts before this week index: members need baseline weeks. */
    minStartWeek: 3,
    /** handset_change needs the old IMEI in use this many weeks first. */
    handsetOldWeeks: 4,
    /** Members picked for member-level scenarios have at least this activity (enough calls to judge). */
    minActivity: 1,
    batchForwardingMembers: [3, 8] as const,
    batchForwardingTargets: [1, 3] as const,
    /** Share of incoming calls forwarded, and forwarded calls at least per day, when forwarding. */
    forwardShare: 0.6,
    forwardMinPerDay: 1,
    mouDropFactor: 0.25,
    mouDropMemberShare: 0.5,
    mouDropMinMembers: 3,
    arpuDropFactor: 0.45,
    arpuDropMembers: [3, 6] as const,
    revenueDropFactor: 0.45,
    retentionShare: 0.25,
    retentionMinMembers: 2,
    /** Departure kinds of a retention drop: ported_out, closed, left_group. */
    retentionMix: [0.5, 0.25, 0.25] as const,
    dualHandsetUsageFactor: 0.4,
    affinityMocShare: 0.6,
    affinityMtcShare: 0.3,
    circleTopContacts: 5,
    contractExpiryWeeks: [2, 4] as const,
    defectionShare: 0.3,
    defectionMinMembers: 3,
    defectionUsageFactor: 0.4,
    /** Decoys of each kind: this share of the groups, at least one. */
    decoyShare: 0.02,
    /** A decoy joiner arrives on one of these weekdays (0 = Monday): a partial first week. */
    partialWeekJoinDays: [3, 5] as const,
  },

  /** Bytes gathered per file before a write, and unwritten bytes a file's stream may hold before the generator waits. */
  writerChunkBytes: 1 << 20,
  writerInFlightBytes: 4 << 20,
  /** zlib level of `--gzip`: level 1 compresses CDRs to ~20 % at 4× the speed of the default 6 (~15 %). */
  gzipLevel: 1,
  /** Bundles are stamped at this local time on the Monday after their week. */
  generatedAtTime: "03:10:00+08:00",
};

export type GeneratorParams = typeof generatorDefaults;
