import { describe, expect, it } from 'vitest';
import { formatLsn, parseLsn } from '../db/replica';
import { isReplicaFailure, lsnCookieValue, lsnFromCookie } from './read-replica';

// The pure parts of ADR 0030; the streaming pair itself is proved in test/read-replica.test.ts (PostgreSQL).
describe('read replica: WAL positions and the LSN cookie', () => {
  const key = 'a-key-of-sixteen-characters';
  const now = new Date('2026-11-25T02:00:00Z');
  const later = new Date(now.getTime() + 15_000);

  it('orders WAL positions as numbers, not as text', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    expect(parseLsn('A/9')! > parseLsn('9/FFFFFFF0')!).toBe(true);
    expect(formatLsn(parseLsn('16/B374D848')!)).toBe('16/B374D848');
    for (const bad of ['', '0', '0/', 'x/1', '0/123456789', "0/1'"]) expect(parseLsn(bad)).toBeNull();
  });

  it('reads back a position it signed until it expires; altered or foreign cookies are not trusted', () => {
    const value = lsnCookieValue(key, parseLsn('3/A0')!, later);
    expect(lsnFromCookie(key, value, now)).toBe(parseLsn('3/A0'));
    expect(lsnFromCookie(key, value, later)).toBeNull();
    expect(lsnFromCookie(key, undefined, now)).toBeNull();
    expect(lsnFromCookie('another-key-of-16-chars', value, now)).toBe('unknown');
    expect(lsnFromCookie(key, value.replace('3/A0', '0/1'), now)).toBe('unknown');
    expect(lsnFromCookie(key, value.replace(String(later.getTime()), String(later.getTime() + 1)), now)).toBe(
      'unknown',
    );
    expect(lsnFromCookie(key, 'garbage', now)).toBe('unknown');
  });

  it('retries on the primary for connection and recovery failures only', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '08006', '57P01', '57P03', '40001'])
      expect(isReplicaFailure(Object.assign(new Error('x'), { code })), code).toBe(true);
    expect(isReplicaFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isReplicaFailure(new Error('timeout exceeded when trying to connect'))).toBe(true);
    for (const code of ['23505', '42P01', '22P02', undefined])
      expect(isReplicaFailure(Object.assign(new Error('x'), { code })), String(code)).toBe(false);
    expect(isReplicaFailure(null)).toBe(false);
  });
});
