/**
 * Rewrites function calls in SQL text: `name(arg, …)` becomes whatever `rules[name]` makes of its
 * arguments (themselves rewritten first). Quotes, comments and nested parentheses are respected, so
 * a comma inside a string or a nested call never splits an argument. Names match whole words,
 * case-insensitively. This is the one parser behind the DuckDB → Spark SQL translation.
 */
export type CallRule = (args: string[]) => string;

export function rewriteCalls(text: string, rules: Record<string, CallRule>): string {
  const names = Object.keys(rules).map((n) => n.toLowerCase());
  let out = "";
  let i = 0;
  while (i < text.length) {
    const skipped = skipLiteral(text, i);
    if (skipped > i) {
      out += text.slice(i, skipped);
      i = skipped;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (!word) {
      out += text[i++];
      continue;
    }
    const name = word[0].toLowerCase();
    const open = afterSpaces(text, i + word[0].length);
    const prev = i > 0 ? text[i - 1] : "";
    if (names.includes(name) && text[open] === "(" && !/[A-Za-z0-9_.$:]/.test(prev)) {
      const { args, end } = splitArguments(text, open);
      const rule = rules[Object.keys(rules).find((n) => n.toLowerCase() === name)!];
      out += rule(args.map((a) => rewriteCalls(a, rules)));
      i = end;
    } else {
      out += word[0];
      i += word[0].length;
    }
  }
  return out;
}

/** The end of a string literal, quoted name or comment starting at i (i itself when none starts there). */
export function skipLiteral(text: string, i: number): number {
  const c = text[i];
  if (c === "'" || c === '"') {
    let j = i + 1;
    while (j < text.length) {
      if (text[j] === c && text[j + 1] === c) j += 2;
      else if (text[j] === c) return j + 1;
      else j++;
    }
    throw new Error(`unclosed ${c} in SQL at offset ${i}`);
  }
  if (c === "-" && text[i + 1] === "-") {
    const end = text.indexOf("\n", i);
    return end < 0 ? text.length : end;
  }
  return i;
}

function afterSpaces(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** The top-level, comma-separated arguments of the call whose "(" is at `open`, and the index after its ")". */
function splitArguments(text: string, open: number): { args: string[]; end: number } {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  let i = open;
  while (i < text.length) {
    const skipped = skipLiteral(text, i);
    if (skipped > i) {
      i = skipped;
      continue;
    }
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth === 0) {
        const last = text.slice(start, i).trim();
        if (last !== "" || args.length > 0) args.push(last);
        return { args, end: i + 1 };
      }
    } else if (c === "," && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
    i++;
  }
  throw new Error(`unclosed ( in SQL at offset ${open}`);
}
