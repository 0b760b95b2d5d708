import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { createTestDb } from '../../test/harness';
import { publishDraft, saveDraft } from './catalogue.editor';
import { EDITOR_AUDIT, sampleProcedure, withOrganisation } from './catalogue.fixtures';
import { getProcedure } from './catalogue.service';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  await withOrganisation(db);
});

const publish = async (input: ReturnType<typeof sampleProcedure>, at: string) => {
  await db.kysely.transaction().execute(async (trx) => {
    await saveDraft(trx, EDITOR_AUDIT, input);
    await publishDraft(trx, EDITOR_AUDIT, input.code, new Date(at));
  });
  return getProcedure(db.kysely, input.code);
};
const codes = (p: { components: { code: string; name: string }[] }) =>
  p.components.map((c) => `${c.code}=${c.name}`);

describe('component codes', () => {
  it('are generated when absent and kept by name across versions, whatever the order', async () => {
    const v1 = await publish(sampleProcedure({ code: 'C.1' }), '2026-03-10T02:00:00Z');
    expect(codes(v1)).toEqual(['TP1=Đơn đề nghị cấp giấy phép xây dựng', 'TP2=Bản vẽ thiết kế xây dựng']);
    const [don, banVe] = sampleProcedure().components!;
    const v2 = await publish(
      sampleProcedure({
        code: 'C.1',
        components: [
          { name: 'Giấy tờ về quyền sử dụng đất' },
          banVe!,
          { ...don!, name: ' đơn đề nghị cấp giấy phép xây dựng' },
        ],
      }),
      '2026-04-10T02:00:00Z',
    );
    expect(v2.components.map((c) => c.code)).toEqual(['TP3', 'TP2', 'TP1']);
  });

  it('keeps given codes and refuses the same code twice', async () => {
    const p = await publish(
      sampleProcedure({ code: 'C.2', components: [{ name: 'Đơn', code: 'DON' }, { name: 'Bản sao CCCD' }] }),
      '2026-03-10T02:00:00Z',
    );
    expect(p.components.map((c) => c.code)).toEqual(['DON', 'TP1']);
    await expect(
      db.kysely.transaction().execute((trx) =>
        saveDraft(
          trx,
          EDITOR_AUDIT,
          sampleProcedure({
            code: 'C.3',
            components: [
              { name: 'A', code: 'X' },
              { name: 'B', code: 'X' },
            ],
          }),
        ),
      ),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
