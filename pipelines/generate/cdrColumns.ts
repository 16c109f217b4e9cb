/** The CDR header, in the order writeWeekCdr writes its fields (the contract's names). */
export const cdrColumns = ["record_id", "msisdn", "record_type", "other_party", "other_network", "start_time", "duration_s", "cell_id", "imei"] as const;
