import { AppError } from '../../http/errors';

export const badRequest = (vi: string, en: string) => new AppError('BAD_REQUEST', { details: { vi, en } });

/**
 * Two admins creating the same code at once both pass the duplicate check; the partial unique index stops the
 * second, and this turns its unique violation into the same 409 the check gives instead of a 500.
 */
export async function duplicateOnRace<T>(work: Promise<T>, what: { vi: string; en: string }): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if ((err as { code?: string } | null)?.code === '23505') throw new AppError('DUPLICATE', { what });
    throw err;
  }
}
