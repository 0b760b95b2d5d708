import { describe, expect, it } from 'vitest';
import type { TRegisterDossierRequest } from '@motcua/contracts';
import { pdfBytes } from '../../files/files.fixtures';
import { pdfText } from '../documents/pdf-inspect.test-helpers';
import { detail } from './dossiers.test-helpers';
import { at, officeFixture } from './processing-office.test-helpers';

// Literal dates, Việt Nam time: registered Thursday 12/2/2026 09:00, supplemented at the desk the same day 10:30.
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

describe('paper components scanned at the counter (ND 45/2020 Đ18, issue 15)', async () => {
  const { f } = await officeFixture(90);
  const clerk = f.clerk('SXD');
  const applicant = {
    kind: 'citizen' as const,
    name: 'Lê Thị Cúc',
    idNumber: '099185000777',
    address: 'Xã Tân Phú, tỉnh An Hòa',
    phone: null,
    email: null,
  };

  it('records per component that it is a scan of paper, who certified it and when; the control slip names it', async () => {
    f.clock.set(at('2026-02-12T09:00'));
    const scan = await f.upload(clerk, await pdfBytes(2), 'don.pdf');
    const body: TRegisterDossierRequest = {
      channel: 'counter',
      procedureCode: '1.009994',
      applicant,
      components: [
        { componentCode: 'don', copyKind: 'original', copies: 1, fileIds: [scan.id], pageCount: 2 },
        // Received on paper but not scanned (yet): not a conversion.
        { componentCode: 'ban-ve', copyKind: 'photocopy', copies: 2, fileIds: [], pageCount: 0 },
      ],
    };
    let d = detail(await f.inject(clerk, 'POST', '/api/reception/dossiers', body), 201);
    const registeredAt = at('2026-02-12T09:00');
    const byCode = (code: string) => d.attachments.find((a) => a.componentCode === code)!;
    expect(byCode('don').scan).toEqual({ certifiedBy: clerk.name, certifiedAt: registeredAt });
    expect(byCode('ban-ve').scan).toBeNull();
    expect(d.events[0]).toMatchObject({
      type: 'registered',
      data: { scans: { components: 1, certifiedBy: clerk.name } },
    });

    // The applicant brings the drawings back; the desk scans them into a new revision. The earlier scan keeps
    // its own certifier and time.
    d = detail(
      await f.inject(clerk, 'POST', `/api/reception/dossiers/${d.id}/request-supplement`, {
        expectedVersion: d.version,
        items: [{ component: 'Bản vẽ', problem: 'missing', reason: 'Chưa số hóa', guidance: 'Mang bản vẽ' }],
      }),
    );
    f.clock.set(at('2026-02-12T10:30'));
    const drawing = await f.upload(clerk, await pdfBytes(1), 'ban-ve.pdf');
    d = detail(
      await f.inject(clerk, 'POST', `/api/reception/dossiers/${d.id}/supplement`, {
        expectedVersion: d.version,
        components: [
          { componentCode: 'ban-ve', copyKind: 'photocopy', copies: 2, fileIds: [drawing.id], pageCount: 1 },
        ],
      }),
    );
    expect(d.attachments.map((a) => a.revision)).toEqual([2, 2]);
    expect(byCode('don').scan).toEqual({ certifiedBy: clerk.name, certifiedAt: registeredAt });
    expect(byCode('ban-ve').scan).toEqual({
      certifiedBy: clerk.name,
      certifiedAt: at('2026-02-12T10:30'),
    });
    expect(d.events.at(-1)).toMatchObject({
      type: 'supplement_submitted',
      data: { atDesk: true, scans: { components: 1, certifiedBy: clerk.name } },
    });

    d = detail(
      await f.inject(clerk, 'POST', `/api/reception/dossiers/${d.id}/accept`, { expectedVersion: d.version }),
    );
    const slip = await f.inject(clerk, 'GET', `/api/processing/dossiers/${d.id}/control-slip.pdf`);
    expect(slip.statusCode, slip.body).toBe(200);
    const text = squash(await pdfText(slip.rawPayload));
    expect(text).toContain(
      squash(`Tiếp nhận hồ sơ; số hóa 1 thành phần hồ sơ giấy, chứng thực: ${clerk.name}`),
    );
  });

  it('files the applicant sent electronically are not scans of paper', async () => {
    const d = detail(await f.submit(f.citizenA), 201);
    expect(d.attachments.length).toBeGreaterThan(0);
    expect(d.attachments.every((a) => a.scan === null)).toBe(true);
  });
});
