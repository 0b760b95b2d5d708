import { describe, expect, it } from 'vitest';
import { instantOfVnLocal, vnLocalInput } from './simulate';

describe('simulator inputs in Việt Nam time', () => {
  it('shows an instant as the Vietnamese wall clock and reads it back with +07:00', () => {
    expect(vnLocalInput(new Date('2026-02-12T02:00:00Z'))).toBe('2026-02-12T09:00');
    expect(vnLocalInput(new Date('2026-02-11T17:30:00Z'))).toBe('2026-02-12T00:30');
    expect(instantOfVnLocal('2026-02-12T09:00')).toBe('2026-02-12T09:00:00+07:00');
    expect(instantOfVnLocal('2026-02-12')).toBeNull();
  });
});
