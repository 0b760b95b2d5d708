import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/**
 * `docker build` cannot run on the development machines, so the deployment files are checked here (ADR 0028): the
 * Dockerfile by dockerfilelint and by its structure, compose.yaml against the Compose Specification's JSON schema
 * (vendored in deploy/schema), the Grafana dashboard against the metrics the server exports.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
const require = createRequire(import.meta.url);
const dockerfilelint = require('dockerfilelint') as {
  run(configPath: string, content: string): { rule: string; line: number; title: string }[];
};

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  const lines = text.split('\n');
  const stages = [...text.matchAll(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/gim)].map((m) => ({
    image: m[1]!,
    name: m[2],
  }));

  it('passes dockerfilelint (a stage built on an earlier stage has no tag by design)', () => {
    const names = new Set(stages.map((s) => s.name).filter(Boolean));
    const problems = dockerfilelint.run(root, text).filter((p) => {
      const from = /^FROM\s+(\S+)/i.exec(lines[p.line - 1] ?? '');
      return !(p.rule === 'missing_tag' && from && names.has(from[1]!));
    });
    expect(problems).toEqual([]);
  });

  it('is multi-stage with pinned slim bases, and the final stage runs as a non-root user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    for (const s of stages.filter((x) => !stages.some((y) => y.name === x.image)))
      expect(s.image).toMatch(/^node:\d+-\w+-slim$/);
    const final = text.slice(text.lastIndexOf('\nFROM '));
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/--omit=dev|--from=prod-deps/);
    expect(final).toMatch(/^HEALTHCHECK /m);
    expect(final).not.toMatch(/^USER root$/m);
  });

  it('.dockerignore keeps local data, secrets and node_modules out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const p of ['**/node_modules', 'data', '.env', '.git']) expect(ignored).toContain(p);
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml'), { merge: true }) as {
    services: Record<string, { command?: string[]; environment?: Record<string, string>; image?: string }>;
  };

  it('is valid against the Compose Specification schema', () => {
    const schema = JSON.parse(read('deploy/schema/compose-spec.json')) as Record<string, unknown>;
    // Draft 2019-09 (Ajv2019); the file names its meta-schema by an old URL and its id by the draft-04 keyword.
    delete schema.$schema;
    const dropIds = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (typeof o.id === 'string') delete o.id;
      Object.values(o).forEach(dropIds);
    };
    dropIds(schema);
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    const ok = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('runs PostgreSQL, two API processes, one worker and a TLS-terminating proxy', () => {
    const s = compose.services;
    expect(s.db?.image).toMatch(/^postgres:15/);
    const apis = Object.values(s).filter((x) => x.environment?.ROLE === 'api');
    expect(apis).toHaveLength(2);
    expect(Object.values(s).filter((x) => x.environment?.ROLE === 'worker')).toHaveLength(1);
    expect(s.proxy?.image).toMatch(/^caddy:2/);
    for (const api of apis) expect(api.environment?.DATABASE_URL).toMatch(/@db:5432\//);
    expect(read('deploy/Caddyfile')).toMatch(/reverse_proxy api-1:3000 api-2:3000/);
  });
});

describe('monitoring and systemd files', () => {
  it('the Grafana dashboard plots only metrics that /metrics exports', () => {
    const dashboard = JSON.parse(read('deploy/grafana-dashboard.json')) as {
      panels: { targets: { expr: string }[] }[];
    };
    const exported = read('server/src/http/business-metrics.ts') + read('server/src/http/metrics.ts');
    for (const p of dashboard.panels)
      for (const t of p.targets)
        for (const [name] of t.expr.matchAll(/\b(motcua_\w+|jobs_queue_depth|http_request\w+)/g)) {
          const base = name.replace(/_bucket$/, '');
          expect(exported, name).toContain(`'${base}'`);
        }
  });

  it('the Grafana dashboard has a panel for every business gauge, the sync backlog among them', () => {
    const exprs = (
      JSON.parse(read('deploy/grafana-dashboard.json')) as { panels: { targets: { expr: string }[] }[] }
    ).panels.flatMap((p) => p.targets.map((t) => t.expr));
    const gauges = [...read('server/src/http/business-metrics.ts').matchAll(/name: '(motcua_\w+)'/g)].map(
      (m) => m[1]!,
    );
    expect(gauges).toContain('motcua_portal_sync_backlog');
    expect(gauges).toContain('motcua_portal_sync_oldest_seconds');
    for (const g of gauges)
      expect(
        exprs.some((e) => e.includes(g)),
        g,
      ).toBe(true);
  });

  it('the systemd units run the API and the worker as an unprivileged user with the environment file', () => {
    for (const unit of ['deploy/systemd/motcua-api@.service', 'deploy/systemd/motcua-worker.service']) {
      const text = read(unit);
      expect(text).toMatch(/^User=motcua$/m);
      expect(text).toMatch(/^EnvironmentFile=\/etc\/motcua\/motcua.env$/m);
      expect(text).toMatch(/^ExecStart=\/usr\/bin\/node server\/bin\/motcua.mjs (api|worker)$/m);
    }
  });
});
