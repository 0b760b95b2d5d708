import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '@motcua/contracts';
import { DOSSIER_TEMPLATES } from '../modules/dossiers/dossier-messages';

/**
 * Keeps issue #20 fixed: screens take their words from the i18n bundles, server messages from the message tables
 * (`{ vi, en }`), and every bundle and message uses the names of docs/glossary.md.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const VI_LETTER = /[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i;

/** Files whose Vietnamese is data, not interface text — each with the reason. */
const DATA: [RegExp, string][] = [
  [/\.demo(-[a-z]+)?\.ts$|demo-data\.ts$|\/demo\//, 'demo data of a Vietnamese province'],
  [
    /server\/src\/modules\/documents\//,
    'the official forms are printed in Vietnamese only (ND 30/2020, TT 01/2018)',
  ],
  [/calendar\/holidays\.ts$/, 'names of public holidays'],
  [/catalogue\/catalogue\.transfer\.ts$/, 'column headers of the Vietnamese import workbook'],
  [/catalogue\/national-catalogue\.ts$/, "values of the national procedure database's Vietnamese format"],
  [/catalogue\/form-template\.ts$/, 'a blank Vietnamese request form'],
  [/web\/src\/features\/catalogue\/format\.ts$/, 'legal citations are Vietnamese in both locales'],
  [
    /dossiers\/(dossier-forms|dossier-reception\.service|control-slip(\.service)?|dossier-register(\.xlsx)?)\.ts$/,
    'names printed on the forms and registers',
  ],
  [/organisation\/organisation\.service\.ts$/, 'default name of a new one-stop desk'],
  [/accounts\/oidc\.service\.ts$/, 'a stored default name'],
  [/web\/src\/routes\/portal\/ProfilePage\.tsx$/, 'the name of each language in that language'],
  [/organisation\/organisation\.admin-routes\.ts$/, 'an OpenAPI description citing a legal article'],
  [
    /dossiers\/processing-(documents|inbox)\.routes\.ts$/,
    'OpenAPI summaries giving the official Vietnamese name of a form or page',
  ],
  [/catalogue\/catalogue\.bulk\.ts$/, 'names of cloned benchmark procedures'],
  [
    /reports\/(generator|generator-batch|generator-people|periodic|service-index|service-index\.service|reports\.service|reports\.routes)\.ts$/,
    'the official report form (TT 01/2020), QĐ 766 indicator names and formulas, generated benchmark names',
  ],
  [/server\/src\/test\//, 'test harness'],
];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$|test-helpers|fixtures/.test(e.name)) out.push(p);
  }
  return out;
}

const isLiteral = (n: ts.Node) => ts.isStringLiteralLike(n) || ts.isTemplateExpression(n);

/** A Vietnamese literal is fine inside `vi: …`, beside its English twin in a call, or as an old "vi / en" pair. */
function isPaired(node: ts.Node): boolean {
  for (let a: ts.Node | undefined = node; a; a = a.parent)
    if (ts.isPropertyAssignment(a) && a.name.getText() === 'vi') return true;
  for (let a: ts.Node | undefined = node; a; a = a.parent)
    if (ts.isVariableDeclaration(a) && /_VI$/.test(a.name.getText())) return true;
  const p = node.parent;
  if (ts.isCallExpression(p) && p.arguments.length >= 2)
    return p.arguments.some((x) => x !== node && isLiteral(x) && !VI_LETTER.test(x.getText()));
  return false;
}

function unbundledVietnamese(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (n: ts.Node) => {
    let s: string | null = null;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) s = n.text;
    else if (ts.isTemplateExpression(n))
      s = n.head.text + n.templateSpans.map((x) => x.literal.text).join(' ');
    else if (ts.isJsxText(n)) s = n.text;
    // "Một Cửa" is the product's name; "vi / en" pairs are cut to one language by the message formatter.
    const checked = s
      ?.replaceAll('Một Cửa', '')
      .split('; ')
      .filter((part) => !/ \/ [^/]*[a-z]/i.test(part) || VI_LETTER.test(part.slice(part.lastIndexOf(' / '))))
      .join('; ');
    if (checked && VI_LETTER.test(checked) && !isPaired(n)) {
      const line = src.getLineAndCharacterOfPosition(n.getStart()).line + 1;
      found.push(`${relative(ROOT, file)}:${line}: ${s!.trim().slice(0, 60)}`);
    }
    if (s === null) ts.forEachChild(n, visit);
  };
  visit(src);
  return found;
}

describe('Vietnamese text lives in the bundles', () => {
  it('no .tsx nor server module writes Vietnamese outside the message tables (data files are listed)', () => {
    const files = [...sourceFiles(join(ROOT, 'web/src')), ...sourceFiles(join(ROOT, 'server/src'))].filter(
      (f) => !DATA.some(([re]) => re.test(relative(ROOT, f).replaceAll('\\', '/'))),
    );
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(unbundledVietnamese)).toEqual([]);
  });

  it('the check finds a Vietnamese literal in JSX and in a thrown message', () => {
    const probe = (code: string, name: string) => {
      const src = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const hits: string[] = [];
      const visit = (n: ts.Node) => {
        if ((ts.isJsxText(n) || ts.isStringLiteral(n)) && VI_LETTER.test(n.text) && !isPaired(n))
          hits.push(n.text);
        ts.forEachChild(n, visit);
      };
      visit(src);
      return hits;
    };
    expect(probe('export const A = () => <p>Hồ sơ của tôi</p>;', 'a.tsx')).toEqual(['Hồ sơ của tôi']);
    expect(probe("throw new AppError('DUPLICATE', { what: 'Mã đơn vị' });", 'b.ts')).toEqual(['Mã đơn vị']);
    expect(
      probe("throw new AppError('DUPLICATE', { what: { vi: 'Mã đơn vị', en: 'Unit code' } });", 'c.ts'),
    ).toEqual([]);
  });
});

/** The names of the glossary's "Not" column that a machine can check (no notes in brackets, no quotes). */
function forbiddenNames(): string[] {
  const md = readFileSync(join(ROOT, 'docs/glossary.md'), 'utf8');
  const names: string[] = [];
  let notColumn = -1;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      notColumn = -1;
      continue;
    }
    const cells = line.split('|').map((c) => c.trim());
    if (cells.includes('Not')) notColumn = cells.indexOf('Not');
    else if (notColumn > 0 && !/^-+$/.test(cells[1] ?? ''))
      for (const name of (cells[notColumn] ?? '').split(/;\s+/))
        if (name && !/["“”]|\([^)]* [^)]*\)/.test(name)) names.push(name);
  }
  return names;
}

function bundleTexts(): string[] {
  const dirs = (dir: string, out: string[] = []): string[] => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) dirs(p, out);
      else if (/^(vi|en)\.json$/.test(e.name)) out.push(p);
    }
    return out;
  };
  const texts = dirs(join(ROOT, 'web/src')).flatMap((f) =>
    Object.entries(JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>).map(
      ([k, v]) => `${relative(ROOT, f)} ${k}: ${v}`,
    ),
  );
  for (const [code, m] of Object.entries(ERROR_MESSAGES))
    texts.push(`errors ${code}: ${m.vi}`, `errors ${code}: ${m.en}`);
  for (const [kind, m] of Object.entries(DOSSIER_TEMPLATES))
    for (const l of ['vi', 'en'] as const) texts.push(`${kind}.${l}: ${m[l].subject} ${m[l].text}`);
  return texts;
}

describe('docs/glossary.md', () => {
  it('lists names to avoid, and no bundle or message uses one', () => {
    const names = forbiddenNames();
    expect(names).toEqual(
      expect.arrayContaining(['Bộ phận tiếp nhận và trả kết quả', 'Số CMND/CCCD', 'mã nộp']),
    );
    const texts = bundleTexts();
    expect(texts.length).toBeGreaterThan(1000);
    const word = (n: string) =>
      new RegExp(`(?<![\\p{L}\\p{N}])${n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
    const misuse = names.flatMap((n) =>
      texts.filter((t) => word(n).test(t.slice(t.indexOf(': ') + 2))).map((t) => `${n} ← ${t}`),
    );
    expect(misuse).toEqual([]);
  });
});
