import { RE2JS } from 're2js';
import { toRe2Syntax } from '@motcua/contracts';

const compiled = new Map<string, RE2JS | null>();

/**
 * Whether `text` matches an e-form `pattern` (unanchored, as in JSON Schema), on RE2 like the server: linear time,
 * so no pattern can freeze the page. A pattern RE2 cannot compile (saved before the catalogue checked them) is not
 * checked here; the server refuses such a form with its own message.
 */
export function matchesPattern(pattern: string, text: string): boolean {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = RE2JS.compile(toRe2Syntax(pattern));
    } catch {
      re = null;
    }
    if (compiled.size >= 200) compiled.clear();
    compiled.set(pattern, re);
  }
  return re === null || re.test(text);
}
