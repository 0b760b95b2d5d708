/**
 * The inbound SMS webhook of the SMS gateway (ADR 0027). Schemas: `contracts/src/integration.ts`.
 *
 * | method | path              | who                                   | request → response                          |
 * |--------|-------------------|---------------------------------------|---------------------------------------------|
 * | POST   | /api/sms/inbound  | the SMS gateway (signed, X-Signature) | ZSmsInbound → ZSmsInboundAnswer; 401, 429   |
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse, ZSmsInbound, ZSmsInboundAnswer } from '@motcua/contracts';
import { requestNow } from '../../http/context';
import { AppError } from '../../http/errors';
import { countHit } from '../../http/rate-limit';
import { renderTemplate } from '../notifications';
import { queueMessage } from '../notifications';
import { publicLookup } from '../dossiers';
import { checkSignature } from './signing';
import { foundParams, parseSmsLookup } from './sms-lookup';

const E = ZErrorResponse;
/** Lookups a phone number may ask for in an hour (counted in the database, shared by every process). */
export const SMS_LOOKUPS_PER_HOUR = 5;
const HOUR_MS = 3_600_000;

export const smsRoutes: FastifyPluginAsyncZod = async (api) => {
  const deps = api.deps;
  api.post(
    '/sms/inbound',
    {
      schema: {
        tags: ['integration'],
        summary:
          'An SMS received by the gateway: "<keyword> <dossier code>" is answered by SMS with the lookup',
        security: [{ smsGatewaySignature: [] }],
        body: ZSmsInbound,
        response: { 200: ZSmsInboundAnswer, 400: E, 401: E, 429: E },
      },
    },
    async (req) => {
      const now = requestNow(req);
      if (checkSignature(deps.config.smsInbound.secret, req.headers, req.rawBody ?? '', now) !== 'ok')
        throw new AppError('UNAUTHENTICATED');
      const phone = req.body.from;
      const hits = await countHit(deps.db.kysely, `sms-lookup|${phone}`, HOUR_MS, now);
      if (hits.hits > SMS_LOOKUPS_PER_HOUR)
        throw new AppError('RATE_LIMITED', {
          retryAfter: Math.max(1, Math.ceil((hits.resetAt.getTime() - now.getTime()) / 1000)),
        });
      const keyword = deps.config.smsInbound.keyword;
      const asked = parseSmsLookup(req.body.text, keyword);
      let template = 'integration.sms_lookup_help';
      let params: Record<string, string> = { keyword };
      if (asked.kind === 'lookup') {
        try {
          const facts = await publicLookup(
            deps.db.kysely,
            {
              code: asked.code,
              clientIp: `sms:${phone}`,
              globalPerMinute: deps.config.lookupGlobalRateLimit,
            },
            now,
          );
          template = 'integration.sms_lookup_found';
          params = foundParams(facts);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          if (err.code === 'NOT_FOUND') {
            template = 'integration.sms_lookup_unknown';
            params = { code: asked.code.slice(0, 40) };
          } else if (err.code !== 'BAD_REQUEST') throw err;
        }
      }
      await deps.db.kysely
        .transaction()
        .execute((trx) =>
          queueMessage(trx, { channel: 'sms', to: phone, template, params, locale: 'vi', now }),
        );
      return { reply: renderTemplate(template, 'vi', params).text };
    },
  );
};
