// C0 and C1 controls, DEL, and the bidirectional overrides that can reorder what a terminal shows.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A name from outside (a folder, a manifest path) as it may appear in a message: control
 * characters escaped (\u001b), so a delivered name cannot move the cursor, clear the screen or
 * forge a log line on the operator's terminal.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
