/** Networks of the extract contract's `other_network`, in a fixed order (weights index it). */
export const networks = ["CMCC", "CU", "CT", "FIXED", "INTL", "UNKNOWN"] as const;

export type Network = (typeof networks)[number];
