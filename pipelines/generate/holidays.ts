/**
 * Public holidays that depress everyone's usage (National Day, Spring Festival), 2025–2028.
 * 2025 and 2026 follow the State Council's published schedules (2025 National Day ran with
 * Mid-Autumn to 8 Oct; Spring Festival 2025 and 2026 were 8 and 9 days). 2027 and 2028 are not
 * published yet: they are computed as Lunar New Year's Eve plus six days (New Year's Day falls on
 * 6 Feb 2027 and 26 Jan 2028) and 1–7 October. Days outside the table are ordinary days.
 */
export const holidays: ReadonlyArray<{ name: string; from: string; to: string }> = [
  { name: "春节", from: "2025-01-28", to: "2025-02-04" },
  { name: "国庆节", from: "2025-10-01", to: "2025-10-08" },
  { name: "春节", from: "2026-02-15", to: "2026-02-23" },
  { name: "国庆节", from: "2026-10-01", to: "2026-10-07" },
  { name: "春节", from: "2027-02-05", to: "2027-02-11" },
  { name: "国庆节", from: "2027-10-01", to: "2027-10-07" },
  { name: "春节", from: "2028-01-25", to: "2028-01-31" },
  { name: "国庆节", from: "2028-10-01", to: "2028-10-07" },
];
