/** A number as the dashboard and member exports may show it: '138****5678' (privacy.md). */
export function maskMsisdn(msisdn: string | null | undefined): string {
  if (!msisdn) return "";
  if (msisdn.length < 8) return "*".repeat(msisdn.length);
  return `${msisdn.slice(0, 3)}${"*".repeat(msisdn.length - 7)}${msisdn.slice(-4)}`;
}
