import { describe, expect, it } from 'vitest';
import { enBundles } from './messages-en';
import { viBundles } from './messages-vi';

const bundles = Object.fromEntries(
  Object.entries(viBundles).map(([name, vi]) => [
    name,
    { vi, en: enBundles[name as keyof typeof enBundles] },
  ]),
);

it('lists the same bundles in both languages', () => {
  expect(Object.keys(enBundles)).toEqual(Object.keys(viBundles));
});

describe.each(Object.entries(bundles))('i18n bundle %s', (_name, { vi, en }) => {
  it('has exactly the same keys in Vietnamese and English', () => {
    const missingInEn = Object.keys(vi).filter((k) => !(k in en));
    const missingInVi = Object.keys(en).filter((k) => !(k in vi));
    expect({ missingInEn, missingInVi }).toEqual({ missingInEn: [], missingInVi: [] });
  });

  it('has no empty messages and the same placeholders in both languages', () => {
    // `{n}` and `{n, plural, …}` name the same parameter: English may need a plural where Vietnamese does not.
    const placeholders = (s: string) =>
      [...new Set([...s.matchAll(/\{(\w+)(?:\}|\s*,\s*plural\s*,)/g)].map((m) => m[1]))].sort();
    for (const [key, text] of Object.entries(vi as Record<string, string>)) {
      const other = (en as Record<string, string>)[key] ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(other.trim(), key).not.toBe('');
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });
});
