// Mobile numbers have 11 digits, IMEIs 14-16, fixed lines 7-12: a string with a run of 7 digits or a
// number of 11 digits or more may be one. Counts, shares, minutes and dates never come close.
const PHONE_LIKE_TEXT = /\d{7,}/;
const PHONE_LIKE_NUMBER = 1e10;

/**
 * A signal's detail without any value that could be a subscriber's or a third party's number or a
 * handset id (object entries and array items dropped), so exports and reasons can quote the rest.
 * Defence in depth: the signals are meant to keep only networks and counts of third parties.
 */
export function dropPhoneLike(value: unknown): unknown {
  const phoneLike = (v: unknown) =>
    (typeof v === "string" && PHONE_LIKE_TEXT.test(v)) || (typeof v === "number" && Math.abs(v) >= PHONE_LIKE_NUMBER);
  if (Array.isArray(value)) return value.filter((v) => !phoneLike(v)).map(dropPhoneLike);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => !phoneLike(v)).map(([k, v]) => [k, dropPhoneLike(v)]));
  }
  return value;
}
