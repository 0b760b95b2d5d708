import { describe, expect, it } from 'vitest';
import { decorateOpenApi, operationIdOf, summaryOf } from './openapi-doc';

describe('the OpenAPI document is completed centrally', () => {
  it('derives operation ids and summaries from method and path', () => {
    expect(operationIdOf('get', '/api/lookup/{code}')).toBe('getLookupByCode');
    expect(operationIdOf('post', '/api/admin/portal-messages/{id}/resend')).toBe(
      'createAdminPortalMessagesResendById',
    );
    expect(summaryOf('delete', '/api/admin/calendar/schedules/{year}')).toBe(
      'DELETE /admin/calendar/schedules/{year}',
    );
  });

  it('fills what a route left out and keeps what it gave', () => {
    const doc = decorateOpenApi(
      {
        paths: {
          '/api/a': {
            get: { responses: { 200: {} } },
            post: { summary: 'Make', operationId: 'make', responses: { 201: {}, 409: {} } },
          },
          '/api/sms/inbound': { post: { security: [{ smsGatewaySignature: [] }], responses: { 200: {} } } },
        },
      },
      [{ url: '/' }],
    ) as unknown as {
      servers: unknown[];
      components: { securitySchemes: object };
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(doc.servers).toEqual([{ url: '/' }]);
    expect(Object.keys(doc.components.securitySchemes)).toEqual([
      'sessionCookie',
      'csrfHeader',
      'apiKey',
      'smsGatewaySignature',
    ]);
    const get = doc.paths['/api/a']!.get!;
    expect(get.operationId).toBe('getA');
    expect(get.summary).toBe('GET /a');
    expect(Object.keys(get.responses as object)).toEqual(['200', '400']);
    expect(get.security).toEqual([{ sessionCookie: [] }, { apiKey: [] }, {}]);
    const post = doc.paths['/api/a']!.post!;
    expect([post.operationId, post.summary]).toEqual(['make', 'Make']);
    expect(Object.keys(post.responses as object)).toEqual(['201', '409']);
    expect(post.security).toEqual([{ sessionCookie: [], csrfHeader: [] }, { apiKey: [] }, {}]);
    expect(doc.paths['/api/sms/inbound']!.post!.security).toEqual([{ smsGatewaySignature: [] }]);
  });
});
