/** One call record of a returned file, read and checked: codes (not labels), the date as 'YYYY-MM-DD'. */
export interface ReturnedCall {
  row: number;
  week: string | null;
  group_id: string | null;
  /** null: a group's own line (no key person left). */
  msisdn: string | null;
  contact_result: string | null;
  outcome: string | null;
  competitor: string | null;
  /** Free text: warehouse only, never in a log, report or message. */
  competitor_offer: string | null;
  note: string | null;
  contacted_on: string | null;
}
