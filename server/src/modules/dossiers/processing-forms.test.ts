import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { pdfBytes } from '../../files/files.fixtures';
import type { TDossierDetail } from '@motcua/contracts';
import { pdfImages, pdfText } from '../documents/pdf-inspect.test-helpers';
import { detail } from './dossiers.test-helpers';
import { at, officeFixture } from './processing-office.test-helpers';

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

describe('forms issued by the processing actions, stored on the dossier (issue 12)', async () => {
  const o = await officeFixture(20);
  const { f, head, specialist, desk, act, received } = o;

  /** The PDF of the dossier's last document of `kind`, as the applicant downloads it from "Hồ sơ của tôi". */
  const documentText = async (d: TDossierDetail, kind: string) => {
    const mine = detail(await f.inject(f.citizenA, 'GET', `/api/dossiers/${d.id}`));
    const doc = mine.documents.filter((x) => x.kind === kind).at(-1);
    expect(doc, `a ${kind} document`).toBeDefined();
    const res = await f.inject(f.citizenA, 'GET', doc!.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = squash(await pdfText(res.rawPayload));
    return { doc: doc!, pdf: res.rawPayload, has: (s: string) => text.includes(squash(s)) };
  };

  it('supplement during appraisal → Mẫu 02 worded for the processing step, sent through the desk', async () => {
    let d = await received('2026-02-12T09:00');
    d = detail(await act(head, d, 'assign', { handlerId: specialist.userId }));
    f.clock.set(at('2026-02-23T10:00'));
    const items = [
      { component: 'Đề án hoạt động', problem: 'missing', reason: 'Chưa có đề án', guidance: 'Nộp đề án' },
    ];
    d = detail(await act(specialist, d, 'request-supplement', { items }));
    const { doc, has } = await documentText(d, 'supplement_request');
    expect(doc.templateSet).toBe('tt03-2025');
    expect(has('Mẫu số 02 – Thông tư số 03/2025/TT-VPCP')).toBe(true);
    expect(has('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ')).toBe(true);
    expect(has(`Mã hồ sơ: ${d.code}`)).toBe(true);
    expect(
      has(`Qua thẩm định hồ sơ, Sở Thông tin và Truyền thông tỉnh An Hòa (người xử lý: ${specialist.name})`),
    ).toBe(true);
    expect(has('thời gian giải quyết hồ sơ được tính lại từ đầu')).toBe(true);
    expect(has('1 Đề án hoạt động Chưa có đề án Nộp đề án')).toBe(true);
  });

  it('apology and extension → Mẫu 04 with the old and the new appointment', async () => {
    // Received 12/2/2026 09:00: due 5/3/2026 09:00 (Tết skipped); +2 working days → Monday 9/3/2026 09:00.
    let d = await received('2026-02-12T09:00');
    d = detail(await act(head, d, 'assign', { handlerId: specialist.userId }));
    f.clock.set(at('2026-03-02T10:00'));
    d = detail(await act(specialist, d, 'extend', { workingDays: 2, reason: 'Cần xác minh thêm.' }));
    const { has } = await documentText(d, 'apology');
    expect(has('Mẫu số 04 – Thông tư số 03/2025/TT-VPCP')).toBe(true);
    expect(has('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT')).toBe(true);
    expect(has('Thời gian hẹn trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 05 tháng 3 năm 2026')).toBe(
      true,
    );
    expect(has('vào lúc 09 giờ 00 phút, ngày 09 tháng 3 năm 2026')).toBe(true);
    expect(has('Lý do: Cần xác minh thêm.')).toBe(true);
  });

  it('refusal after appraisal → Mẫu 03; stop at the applicant’s request → TT 03/2025 Mẫu 05', async () => {
    let d = await received('2026-08-20T09:00');
    d = detail(await act(head, d, 'assign', { handlerId: specialist.userId }));
    d = detail(await act(specialist, d, 'appraise', { opinion: 'Không đủ điều kiện.', proposal: 'refuse' }));
    d = detail(await act(specialist, d, 'forward'));
    d = detail(await act(head, d, 'forward'));
    d = detail(await act(desk, d, 'result', { kind: 'refused', summary: 'Không đủ điều kiện cấp phép.' }));
    const refusal = await documentText(d, 'refusal');
    expect(refusal.has('Mẫu số 03 – Thông tư số 03/2025/TT-VPCP')).toBe(true);
    expect(refusal.has('Không đủ điều kiện cấp phép.')).toBe(true);
    // No PDF uploaded: a notice of the result is generated too.
    const notice = await documentText(d, 'result');
    expect(notice.has('THÔNG BÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH')).toBe(true);
    expect(notice.has('KHÔNG CHẤP THUẬN')).toBe(true);
    expect(notice.has('Lý do: Không đủ điều kiện cấp phép.')).toBe(true);

    let e = await received('2026-08-21T09:00');
    e = detail(await act(head, e, 'assign', { handlerId: specialist.userId }));
    f.clock.set(at('2026-08-24T14:20'));
    e = detail(
      await f.inject(f.citizenA, 'POST', `/api/dossiers/${e.id}/stop`, {
        expectedVersion: e.version,
        reason: 'Không còn nhu cầu sử dụng.',
      }),
    );
    const stop = await documentText(e, 'stop_processing');
    expect(stop.has('Mẫu số 05 – Thông tư số 03/2025/TT-VPCP')).toBe(true);
    expect(stop.has('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ')).toBe(true);
    expect(stop.has('Vào lúc 14 giờ 20 phút, ngày 24 tháng 8 năm 2026, ông/bà đã đề nghị dừng')).toBe(true);
    // The workspace lists the same documents.
    const office = detail(await f.inject(desk, 'GET', `/api/dossiers/${e.id}`));
    expect(office.documents.map((x) => x.kind)).toContain('stop_processing');
  });

  it('result without an uploaded PDF → generated from the procedure’s template, numbered, with a QR to the public page', async () => {
    const walk = async (local: string) => {
      let d = await received(local);
      d = detail(await act(head, d, 'assign', { handlerId: specialist.userId }));
      d = detail(await act(specialist, d, 'appraise', { opinion: 'Đủ điều kiện.', proposal: 'approve' }));
      d = detail(await act(specialist, d, 'forward'));
      return detail(await act(head, d, 'forward'));
    };
    let d = await walk('2026-09-01T09:00');
    f.clock.set(at('2026-09-08T10:30'));
    d = detail(
      await act(desk, d, 'result', { kind: 'granted', summary: 'Cấp giấy phép cho trang tintuc.anhoa.vn.' }),
    );
    expect(d.events.at(-1)!.data).toMatchObject({ kind: 'granted', generated: true });
    const { doc, pdf, has } = await documentText(d, 'result');
    expect(doc.createdAt).toBe(at('2026-09-08T10:30'));
    expect(has('SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH AN HÒA')).toBe(true);
    // Numbered per agency and year: 01 went to the refusal notice above.
    expect(has('Số: 02/KQ-STTTT')).toBe(true);
    expect(has('An Hòa, ngày 08 tháng 9 năm 2026')).toBe(true);
    expect(has('GIẤY PHÉP THIẾT LẬP TRANG THÔNG TIN ĐIỆN TỬ TỔNG HỢP')).toBe(true);
    expect(has('CHẤP THUẬN giải quyết thủ tục hành chính')).toBe(true);
    expect(has('Nội dung: Cấp giấy phép cho trang tintuc.anhoa.vn.')).toBe(true);
    // Signed in the name of the head who approved it (issue 15); the QR leads to the verification page.
    expect(has('(Đã ký số)')).toBe(true);
    expect(has('Lê Văn Trưởng')).toBe(true);
    const [qr] = await pdfImages(pdf);
    expect(jsQR(qr!.data, qr!.width, qr!.height)?.data).toBe(
      `https://dichvucong.anhoa.example/xac-thuc?ma=${encodeURIComponent(d.code!)}`,
    );

    // With an uploaded PDF nothing is generated: the upload is signed as the result (issue 15).
    let e = await walk('2026-09-02T09:00');
    f.clock.set(at('2026-09-09T10:00'));
    const upload = await f.upload(desk, await pdfBytes(1), 'giay-phep.pdf');
    e = detail(
      await act(desk, e, 'result', { kind: 'granted', summary: 'Giấy phép số 9/GP', fileIds: [upload.id] }),
    );
    expect(e.documents.filter((x) => x.kind === 'result').map((x) => x.templateSet)).toEqual(['uploaded']);
    expect(e.events.at(-1)!.data).toMatchObject({ generated: false });
  });
});
