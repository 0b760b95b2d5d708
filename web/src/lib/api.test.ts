import { describe, expect, it } from 'vitest';
import { ApiError, isConflict, serverFieldErrors } from './api';

describe('server problems', () => {
  it('reads the fields a 400 names, and nothing from anything else', () => {
    const err = new ApiError(400, 'VALIDATION_FAILED', 'Dữ liệu không hợp lệ', [
      { field: 'applicant.name', message: 'Quá ngắn' },
      { field: 'sets', message: 'Phải ≥ 1' },
      { nonsense: true },
    ]);
    expect(serverFieldErrors(err)).toEqual([
      { field: 'applicant.name', message: 'Quá ngắn' },
      { field: 'sets', message: 'Phải ≥ 1' },
    ]);
    expect(serverFieldErrors(new ApiError(400, 'BAD_REQUEST', 'x', 'a string'))).toEqual([]);
    expect(serverFieldErrors(new Error('x'))).toEqual([]);
  });

  it('calls a 409 a conflict', () => {
    expect(isConflict(new ApiError(409, 'CONFLICT', 'x'))).toBe(true);
    expect(isConflict(new ApiError(400, 'BAD_REQUEST', 'x'))).toBe(false);
    expect(isConflict(new Error('x'))).toBe(false);
  });
});
