import { z } from 'zod';
import { ERROR_CODES } from './errors';

export const ZErrorResponse = z
  .object({
    code: z.enum(ERROR_CODES as [string, ...string[]]),
    message: z.string(),
    details: z.unknown().optional(),
  })
  .meta({ id: 'ErrorResponse' });
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

export const ZHealthResponse = z.object({
  status: z.literal('ok'),
  /** Only with a read replica configured (ADR 0030): its state; `ok` stays while the primary answers. */
  replica: z
    .object({ state: z.enum(['up', 'lagging', 'down']), lagMs: z.number().int().nullable() })
    .optional(),
});
export type THealthResponse = z.infer<typeof ZHealthResponse>;

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export function paged<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** Instants travel as ISO 8601 strings; the server renders them with the +07:00 offset. */
export const ZInstant = z.iso.datetime({ offset: true });
