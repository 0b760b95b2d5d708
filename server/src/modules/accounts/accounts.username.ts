/** Folds Vietnamese to plain ASCII letters: diacritics removed, đ → d, lower case. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/**
 * Staff user name `hovaten.tendonvi` (001 Đ4.2): the full name and the agency's short name, letters and digits
 * only. `Nguyễn Văn An` at `STTTT` → `nguyenvanan.stttt`.
 */
export function staffUsernameBase(fullName: string, agencyShortName: string): { name: string; unit: string } {
  const clean = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]/g, '');
  return { name: clean(fullName) || 'canbo', unit: clean(agencyShortName) || 'donvi' };
}

/** The first free name: the base, then base2, base3 … (the number goes after the person's name). */
export function pickUsername(base: { name: string; unit: string }, taken: ReadonlySet<string>): string {
  const plain = `${base.name}.${base.unit}`;
  if (!taken.has(plain)) return plain;
  for (let n = 2; ; n += 1) {
    const candidate = `${base.name}${n}.${base.unit}`;
    if (!taken.has(candidate)) return candidate;
  }
}
