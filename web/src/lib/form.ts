import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import vi from 'zod/v4/locales/vi.js';
import type { Locale } from '@motcua/contracts';
import { serverFieldErrors } from './api';

/** Zod's own messages in the person's language, the same ones the server sends (server/src/http/errors.ts). */
const errorMaps = { vi: vi().localeError, en: en().localeError };

/**
 * A react-hook-form resolver from a payload's schema in `contracts`: the form validates with the very schema the
 * server validates with, and says what is wrong in the person's language.
 */
export function contractResolver<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, locale: Locale) {
  return zodResolver(schema, { error: errorMaps[locale] }) as Resolver<z.input<S>, unknown, z.output<S>>;
}

/**
 * Puts the fields a 400 names (`details: [{ field, message }]`) on the form's fields. `toField` turns the request's
 * path into the form's (or null for a field the form does not show). Returns whether any landed on a field; what
 * did not is left to the ErrorBox, which shows the server's whole message.
 */
export function applyServerErrors<T extends FieldValues>(
  err: unknown,
  setError: UseFormSetError<T>,
  toField: (requestPath: string) => string | null = (p) => p,
): boolean {
  let placed = false;
  for (const { field, message } of serverFieldErrors(err)) {
    const name = toField(field);
    if (!name) continue;
    setError(name as Path<T>, { type: 'server', message });
    placed = true;
  }
  return placed;
}
