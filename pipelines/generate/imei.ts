/**
 * A 15-digit IMEI: the model's 8-digit TAC, a 6-digit serial and the Luhn check digit, as real
 * handsets carry (the extract contract reads the TAC from the first 8 digits).
 */
export function imei(tac: string, serial: number): string {
  const body = tac + String(serial % 1_000_000).padStart(6, "0");
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = body.charCodeAt(i) - 48;
    // Luhn doubles every second digit counted from the right of the full number (check digit included).
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return body + String((10 - (sum % 10)) % 10);
}
