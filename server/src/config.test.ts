import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('defaults to embedded PGlite under ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/data$/);
  });

  it('stops with a message naming the bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://id.example' })).toThrow(/OIDC_CLIENT_ID/);
  });

  it('trusts no proxy by default and reads TRUSTED_PROXIES as addresses and CIDR ranges', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: ' 10.0.0.0/8, 192.0.2.1 ,fd00::/8,' }).trustedProxies).toEqual([
      '10.0.0.0/8',
      '192.0.2.1',
      'fd00::/8',
    ]);
    for (const bad of ['*', 'true', '10.0.0.0/33', '10.0.0/8', 'proxy.local', '::1/129', '10.0.0.1/8/1'])
      expect(() => loadConfig({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/);
  });

  it('holds a claimed job for WORKER_LEASE_MS (5 minutes by default) before another worker may take it again', () => {
    expect(loadConfig({}).workerLeaseMs).toBe(300_000);
    expect(loadConfig({ WORKER_LEASE_MS: '20000' }).workerLeaseMs).toBe(20_000);
    expect(() => loadConfig({ WORKER_LEASE_MS: '10' })).toThrow(/WORKER_LEASE_MS/);
  });

  it('keeps /metrics closed unless a long enough METRICS_TOKEN is given', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({ METRICS_TOKEN: 'a-long-enough-token-123' }).metricsToken).toBe(
      'a-long-enough-token-123',
    );
  });

  it('writes backup sets into the bucket when the files are in S3, under <S3_PREFIX>backups/ unless told otherwise', () => {
    const s3 = { S3_BUCKET: 'motcua', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's', S3_PREFIX: 'tinh/' };
    expect(loadConfig({}).backups.s3).toBeUndefined();
    expect(loadConfig(s3).backups.s3).toBeUndefined();
    expect(loadConfig({ ...s3, FILE_STORE: 's3' }).backups.s3).toMatchObject({
      bucket: 'motcua',
      prefix: 'tinh/backups/',
    });
    expect(loadConfig({ ...s3, FILE_STORE: 's3', BACKUP_TARGET: 'dir' }).backups.s3).toBeUndefined();
    expect(
      loadConfig({ ...s3, BACKUP_TARGET: 's3', BACKUP_S3_BUCKET: 'sao-luu', BACKUP_S3_PREFIX: 'hang-ngay/' })
        .backups.s3,
    ).toMatchObject({ bucket: 'sao-luu', prefix: 'hang-ngay/' });
    expect(() => loadConfig({ BACKUP_TARGET: 's3' })).toThrow(/required with BACKUP_TARGET=s3/);
  });

  it('reads DATABASE_REPLICA_URL only beside DATABASE_URL (PGlite has no replica)', () => {
    const pg = 'postgres://app@db1/motcua';
    expect(loadConfig({ DATABASE_REPLICA_URL: 'postgres://app@db2/motcua' }).replica).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: pg }).replica).toBeUndefined();
    expect(
      loadConfig({ DATABASE_URL: pg, DATABASE_REPLICA_URL: 'postgres://app@db2/motcua' }).replica,
    ).toEqual({
      url: 'postgres://app@db2/motcua',
      maxLagMs: 5000,
      lsnSecret: undefined,
    });
    expect(() => loadConfig({ DATABASE_URL: pg, DATABASE_REPLICA_URL: 'mysql://db2' })).toThrow(
      /DATABASE_REPLICA_URL: must start with postgres/,
    );
    expect(() => loadConfig({ REPLICA_MAX_LAG_MS: '-1' })).toThrow(/REPLICA_MAX_LAG_MS/);
    expect(() => loadConfig({ REPLICA_LSN_SECRET: 'short' })).toThrow(/REPLICA_LSN_SECRET/);
  });
});
