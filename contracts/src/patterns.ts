/**
 * E-form `pattern`s are written in JSON Schema's dialect (ECMAScript) but run on RE2, a linear-time engine, on
 * both the server and the web, so no pattern can stall either. RE2 has no lookaround or backreferences (the
 * catalogue refuses those when a schema is saved) and spells code points `\x{…}` where ECMAScript writes `\u…`:
 * this rewrites the latter so the same pattern means the same on both engines.
 */
export function toRe2Syntax(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c !== '\\' || i + 1 >= pattern.length) {
      out += c;
      continue;
    }
    const next = pattern[i + 1]!;
    if (next === 'u') {
      const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(pattern.slice(i + 2));
      const plain = /^[0-9a-fA-F]{4}/.exec(pattern.slice(i + 2));
      if (braced) {
        out += `\\x{${braced[1]}}`;
        i += 1 + braced[0].length;
        continue;
      }
      if (plain) {
        out += `\\x{${plain[0]}}`;
        i += 5;
        continue;
      }
    }
    // Any other escape is kept whole, so an escaped backslash never starts a new escape.
    out += c + next;
    i++;
  }
  return out;
}

/** Longest e-form pattern accepted: patterns describe an identifier or a phone number, not a grammar. */
export const MAX_PATTERN_LENGTH = 500;
