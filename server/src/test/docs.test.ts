import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOSSIER_EVENT_TYPES, DOSSIER_STATUSES, type TDossierEventType } from '@motcua/contracts';
import { DOSSIER_EVENT_RULES } from '../modules/dossiers/dossier-events';
import { transition } from '../modules/dossiers/dossier-state';

/**
 * Keeps the docs travelling with the code (issue #13): the lifecycle page names every status and event the code
 * has, its diagram and permission table say what the code does, no page links outside the repository, and the
 * file names the docs cite exist.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    if (['node_modules', 'dist', '.git', 'screenshots'].includes(e.name)) continue;
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) files(p, out);
    else out.push(p);
  }
  return out;
}

const lifecycle = read('docs/lifecycle.md');
const mermaid = /```mermaid\n([\s\S]*?)```/.exec(lifecycle)?.[1] ?? '';
/** The text of the `## title` section. */
const section = (title: string) => lifecycle.split(/^## /m).find((s) => s.startsWith(title)) ?? '';
const statusSection = section('Statuses and events');
const eventSection = section('Who may cause each event');

/** The table row of `name` (first cell in backticks), as trimmed cells. */
function row(md: string, name: string): string[] | undefined {
  const line = md.split('\n').find((l) => l.startsWith(`| \`${name}\``));
  return line
    ?.split('|')
    .slice(1, -1)
    .map((c) => c.trim());
}

describe('docs/lifecycle.md', () => {
  it('names every status in the table and the diagram', () => {
    const missing = DOSSIER_STATUSES.filter(
      (s) => !row(statusSection, s) || !new RegExp(`(^|\\s)${s}(\\s|:|$)`, 'm').test(mermaid),
    );
    expect(missing).toEqual([]);
  });

  it('names every event type with the permission, actor kinds and channel of its rule', () => {
    const wrong = DOSSIER_EVENT_TYPES.flatMap((e) => {
      const r = row(eventSection, e);
      const rule = DOSSIER_EVENT_RULES[e];
      if (!r) return [`${e}: no row`];
      const [, permission = '', kinds = '', channel = ''] = r;
      const problems: string[] = [];
      if (!permission.startsWith(rule.permission)) problems.push(`${e}: permission ${rule.permission}`);
      if (kinds !== rule.actorKinds.join(', ')) problems.push(`${e}: actors ${rule.actorKinds.join(', ')}`);
      if (channel !== (rule.channel ?? '—')) problems.push(`${e}: channel ${rule.channel ?? '—'}`);
      return problems;
    });
    expect(wrong).toEqual([]);
  });

  it('draws exactly the transitions of the state machine', () => {
    const drawn = new Set<string>();
    for (const line of mermaid.split('\n')) {
      const m = /^\s*(\[\*\]|\w+) --> (\w+): (.+)$/.exec(line);
      if (!m) continue;
      for (const e of m[3]!.replace(/\([^)]*\)/g, '').split(','))
        drawn.add(`${m[1] === '[*]' ? 'new' : m[1]} -${e.trim()}-> ${m[2]}`);
    }
    const code = new Set<string>();
    for (const from of ['new', ...DOSSIER_STATUSES] as const)
      for (const e of DOSSIER_EVENT_TYPES as readonly TDossierEventType[]) {
        const r = transition(from, e);
        if (r.ok) code.add(`${from} -${e}-> ${r.status}`);
      }
    expect([...drawn].sort()).toEqual([...code].sort());
  });
});

describe('README.md and docs/', () => {
  const pages = ['README.md', ...files('docs').filter((f) => /\.(md|json)$/.test(f))];

  it('link nothing outside the repository', () => {
    expect(pages.filter((p) => read(p).includes('../shared'))).toEqual([]);
  });

  it('cite only files that exist', () => {
    const all = ['contracts', 'server', 'web', 'e2e', 'bench', 'docs', '.ci', 'deploy']
      .flatMap((d) => {
        try {
          return files(d);
        } catch {
          return [];
        }
      })
      .concat(readdirSync(ROOT));
    const cited = pages
      .filter((p) => p.endsWith('.md') && !p.startsWith('docs/decisions/'))
      .flatMap((p) =>
        [...read(p).matchAll(/`([\w.-][\w./-]*\.(?:ts|tsx|md|sql|json))`/g)].map((m) => ({ p, name: m[1]! })),
      );
    expect(cited.length).toBeGreaterThan(50);
    const missing = cited.filter(
      ({ name }) => !all.some((f) => f === name || f.endsWith(`/${name}`) || relative('.', f) === name),
    );
    expect(missing.map(({ p, name }) => `${p}: ${name}`)).toEqual([]);
  });
});
