import { describe, expect, it } from 'vitest';
import { timeliness } from './progress-model';

describe('timeliness shown on the lookup, the kiosk and "Hồ sơ của tôi"', () => {
  it('follows the server: overdue while open, paused while waiting for a supplement in processing', () => {
    expect(timeliness('in_processing', true)).toBe('dossiers.lookup.overdue');
    expect(timeliness('in_processing', false)).toBe('dossiers.lookup.withinDeadline');
    expect(timeliness('processing_supplement', false)).toBe('dossiers.progress.paused');
    expect(timeliness('returned', false)).toBe('dossiers.lookup.onTime');
  });
});
