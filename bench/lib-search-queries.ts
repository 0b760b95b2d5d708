// Realistic catalogue queries drawn from procedure names (pure, seeded): a run of 1–4 words of a name, as typed, or
// without diacritics, or with one typo (two letters swapped or one dropped) — the mix a public search box sees.

/** mulberry32: a small seeded generator, so every run asks the same queries. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const withoutDiacritics = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

function typo(word: string, r: () => number): string {
  if (word.length < 4) return word;
  const at = 1 + Math.floor(r() * (word.length - 2));
  return r() < 0.5
    ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
    : word.slice(0, at) + word.slice(at + 1);
}

/** `count` distinct queries (fewer if the names cannot give that many). */
export function searchQueries(names: readonly string[], count: number, seed = 19): string[] {
  const r = seeded(seed);
  const out = new Set<string>();
  const words = names.map((n) => n.split(/[\s,;()]+/).filter((w) => w.length > 0));
  for (let tries = 0; out.size < count && tries < count * 20; tries++) {
    const ws = words[Math.floor(r() * words.length)]!;
    if (ws.length === 0) continue;
    const len = 1 + Math.floor(r() * Math.min(4, ws.length));
    const from = Math.floor(r() * (ws.length - len + 1));
    let q = ws.slice(from, from + len).map((w) => w.toLowerCase());
    const kind = r();
    if (kind < 0.4) q = q.map(withoutDiacritics);
    else if (kind < 0.7) {
      const k = Math.floor(r() * q.length);
      q[k] = typo(q[k]!, r);
      if (r() < 0.5) q = q.map(withoutDiacritics);
    }
    const text = q.join(' ');
    if (text.length >= 3) out.add(text);
  }
  return [...out];
}
