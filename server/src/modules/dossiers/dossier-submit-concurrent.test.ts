import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit';
import { rawCounts, storedCounts } from '../reports/reports.check';
import { detail, intakeFixture } from './dossiers.test-helpers';

// Issue 12: a submission writes its dossier, attachment rows and first event in one statement, and its upload's file
// row with the accepted attempt in another. Eight at once to one agency (in parallel on PostgreSQL).
describe('concurrent online submissions to one agency', async () => {
  const f = await intakeFixture({ uploadLimits: { perMinute: 1000, bytesPerDay: 1024 * 1024 * 1024 } });

  it('each is stored whole (its attachments, one submitted event, its message), as its answer shows', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => detail(await f.submit(i % 2 ? f.citizenB : f.citizenA), 201)),
    );
    expect(new Set(answers.map((a) => a.id)).size).toBe(8);
    for (const a of answers) {
      // The answer is the dossier as stored: what GET shows afterwards.
      const who = a.applicant.name === f.citizenA.name ? f.citizenA : f.citizenB;
      expect(detail(await f.inject(who, 'GET', `/api/dossiers/${a.id}`))).toEqual(a);
      expect(a.attachments.map((x) => x.componentCode).sort()).toEqual(['don', 'quyet-dinh']);
      expect(a.events.map((e) => e.type)).toEqual(['submitted']);
    }
    const ids = answers.map((a) => a.id);
    const events = await f.db.kysely
      .selectFrom('dossier_events')
      .select(['dossier_id', 'seq'])
      .where('dossier_id', 'in', ids)
      .execute();
    expect(events.map((e) => e.seq)).toEqual(Array(8).fill(1));
    const messages = await f.db.kysely
      .selectFrom('dossier_messages')
      .select('dossier_id')
      .where('dossier_id', 'in', ids)
      .execute();
    expect(new Set(messages.map((m) => m.dossier_id)).size).toBe(8);
    // Every upload's attempt was recorded accepted with its file's size.
    const attempts = await f.db.kysely
      .selectFrom('upload_attempts')
      .select(['status', 'bytes'])
      .where('user_id', 'in', [f.citizenA.userId, f.citizenB.userId])
      .execute();
    expect(attempts.length).toBe(16);
    expect(attempts.every((t) => t.status === 'accepted' && Number(t.bytes) > 0)).toBe(true);
    expect(await verifyAuditChain(f.db)).toMatchObject({ ok: true });
    expect(await storedCounts(f.db.kysely)).toEqual(await rawCounts(f.db.kysely));
  }, 120_000);

  it('a submission refused for an unknown file leaves no dossier, attachment or event behind', async () => {
    const before = await f.db.kysely.selectFrom('dossiers').select('id').execute();
    const res = await f.submit(f.citizenA, {
      attachments: [
        { componentCode: 'don', fileIds: ['00000000-0000-4000-8000-00000000dead'] },
        { componentCode: 'quyet-dinh', fileIds: [(await f.upload(f.citizenA)).id] },
      ],
    });
    expect(res.statusCode).toBe(404);
    expect(await f.db.kysely.selectFrom('dossiers').select('id').execute()).toEqual(before);
  });
});
