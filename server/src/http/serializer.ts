import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Response serialisation. In tests every response is checked against its zod schema (contract drift fails loudly).
 * In production the zod schema is compiled once to JSON Schema and serialised by fast-json-stringify, Fastify's own
 * serialiser: it writes only the properties the contract declares (nothing extra can leak) and costs a fraction
 * of a zod pass per response. A schema JSON Schema cannot express falls back to the zod serialiser.
 */
export function serializerCompiler(strict: boolean): FastifySerializerCompiler<z.ZodType> {
  if (strict) return zodSerializerCompiler as FastifySerializerCompiler<z.ZodType>;
  return (route) => {
    try {
      const jsonSchema = z.toJSONSchema(route.schema, {
        target: 'draft-7',
        io: 'output',
        unrepresentable: 'throw',
      });
      return fastJson(jsonSchema as Parameters<typeof fastJson>[0]);
    } catch {
      return (zodSerializerCompiler as FastifySerializerCompiler<z.ZodType>)(route);
    }
  };
}
