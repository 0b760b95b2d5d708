import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFont } from 'fonteditor-core';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { renderForm } from './documents.service';
import {
  SAMPLE_APOLOGY,
  SAMPLE_RECEIPT,
  SAMPLE_REFUSAL,
  SAMPLE_STOP_PROCESSING,
  SAMPLE_SUPPLEMENT,
} from './documents.fixtures';
import { vnDate, vnDateTime, vnMoney } from './format';
import { pdfImages, pdfText } from './pdf-inspect.test-helpers';
import { loadConfig } from '../../config';
import { TEMPLATE_SETS, templateSetFor, vnMidnight, type TemplateSetId } from './templates';
import { tinos } from './tinos';

const SETS: TemplateSetId[] = ['tt01-2018', 'tt03-2025'];
const CIRCULAR: Record<TemplateSetId, string> = {
  'tt01-2018': '01/2018/TT-VPCP',
  'tt03-2025': '03/2025/TT-VPCP',
};

/** Layout wraps lines anywhere; compare text with all whitespace removed, in one Unicode form. */
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');
async function textOf(pdf: Buffer) {
  const text = squash(await pdfText(pdf));
  return { text, has: (s: string) => text.includes(squash(s)) };
}

describe('templateSetFor', () => {
  it('keeps TT 01/2018 until TT 03/2025 takes effect (01/11/2025 Vietnam time, not ND 118’s 01/07/2025)', () => {
    expect(templateSetFor(new Date('2021-05-31T02:00:00Z')).id).toBe('tt01-2018');
    // 01/07/2025 and the signing day 15/09/2025: the circular did not exist or was not yet in force.
    expect(templateSetFor(new Date('2025-06-30T17:00:00Z')).id).toBe('tt01-2018');
    expect(templateSetFor(new Date('2025-09-15T03:00:00Z')).id).toBe('tt01-2018');
    // 23:59:59 on 31/10/2025 in Vietnam.
    expect(templateSetFor(new Date('2025-10-31T16:59:59Z')).id).toBe('tt01-2018');
    // 00:00 on 01/11/2025 in Vietnam, still 31/10 in UTC.
    expect(templateSetFor(new Date('2025-10-31T17:00:00Z')).id).toBe('tt03-2025');
    expect(templateSetFor(new Date('2026-01-15T03:00:00Z')).id).toBe('tt03-2025');
  });

  it('takes the TT 03/2025 start from configuration (FORM_SET_TT03_2025_FROM)', () => {
    const from = vnMidnight('2025-10-30');
    expect(templateSetFor(new Date('2025-10-29T16:59:59Z'), undefined, from).id).toBe('tt01-2018');
    expect(templateSetFor(new Date('2025-10-29T17:00:00Z'), undefined, from).id).toBe('tt03-2025');
    expect(loadConfig({ FORM_SET_TT03_2025_FROM: '2025-10-30' }).formSetTt03From).toEqual(from);
    expect(loadConfig({}).formSetTt03From).toEqual(new Date('2025-10-31T17:00:00Z'));
    expect(() => loadConfig({ FORM_SET_TT03_2025_FROM: '30/10/2025' })).toThrow(/FORM_SET_TT03_2025_FROM/);
  });

  it('lets configuration pin a set whatever the date', () => {
    expect(templateSetFor(new Date('2026-01-15T03:00:00Z'), 'tt01-2018').id).toBe('tt01-2018');
    expect(templateSetFor(new Date('2020-01-15T03:00:00Z'), 'tt03-2025').id).toBe('tt03-2025');
  });

  it('numbers the forms as the circulars do: 01–06, and 01–07 with the stop-processing notice', () => {
    const numbers = (id: TemplateSetId) =>
      Object.values(TEMPLATE_SETS[id].forms)
        .map((f) => f.number)
        .sort();
    expect(numbers('tt01-2018')).toEqual(['01', '02', '03', '04', '05', '06']);
    expect(numbers('tt03-2025')).toEqual(['01', '02', '03', '04', '05', '06', '07']);
    expect(TEMPLATE_SETS['tt01-2018'].forms.stop_processing).toBeUndefined();
    expect(TEMPLATE_SETS['tt03-2025'].forms.stop_processing?.title).toBe('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(TEMPLATE_SETS['tt03-2025'].forms.apology?.title).toBe(
      'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
    );
    expect(TEMPLATE_SETS['tt01-2018'].forms.apology?.title).toBe('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(TEMPLATE_SETS['tt03-2025'].forms.register?.number).toBe('07');
    expect(TEMPLATE_SETS['tt01-2018'].forms.register?.number).toBe('06');
  });
});

describe('vnDate and vnDateTime', () => {
  it('put a leading zero only on days below 10 and on months 1 and 2 (ND 30/2020)', () => {
    expect(vnDate(new Date('2026-02-05T03:00:00Z'))).toBe('ngày 05 tháng 02 năm 2026');
    expect(vnDate(new Date('2026-01-15T03:00:00Z'))).toBe('ngày 15 tháng 01 năm 2026');
    expect(vnDate(new Date('2021-05-31T03:00:00Z'))).toBe('ngày 31 tháng 5 năm 2021');
    expect(vnDate(new Date('2025-12-09T03:00:00Z'))).toBe('ngày 09 tháng 12 năm 2025');
    expect(vnDate(new Date('2025-11-20T03:00:00Z'))).toBe('ngày 20 tháng 11 năm 2025');
  });

  it('writes money with "." grouping and "đồng"', () => {
    expect(vnMoney(1250000)).toBe('1.250.000 đồng');
    expect(vnMoney(0)).toBe('Không thu phí');
  });

  it('prints Vietnamese civil time, crossing midnight from UTC', () => {
    expect(vnDateTime(new Date('2021-05-31T20:07:00Z'))).toBe('03 giờ 07 phút, ngày 01 tháng 6 năm 2021');
  });
});

describe.each(SETS)('forms of %s', (set) => {
  it('renders Mẫu 01, the receipt, with every field of the form', async () => {
    const pdf = await renderForm('receipt', SAMPLE_RECEIPT, { set });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { has } = await textOf(pdf);
    expect(has(`Mẫu số 01 – Thông tư số ${CIRCULAR[set]}`)).toBe(true);
    expect(has('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBe(true);
    expect(has('Độc lập - Tự do - Hạnh phúc')).toBe(true);
    expect(has('UBND TỈNH AN HÒA SỞ TƯ PHÁP BỘ PHẬN MỘT CỬA SỞ TƯ PHÁP')).toBe(true);
    expect(has('Số: 125/GTN')).toBe(true);
    expect(has('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ')).toBe(true);
    expect(has('Mã hồ sơ: 000.17.22.H56-210531-0001')).toBe(true);
    expect(has('Ông/Bà/Tổ chức: Nguyễn Văn Ánh')).toBe(true);
    expect(has('Số định danh cá nhân: 099201001234')).toBe(true);
    expect(has('Địa chỉ: Số 12 đường Lê Lợi, phường Bình Sơn, tỉnh An Hòa')).toBe(true);
    expect(has('Số điện thoại: 0912 345 678')).toBe(true);
    expect(has('Email: nguyen.van.anh@example.vn')).toBe(true);
    expect(has('Nội dung yêu cầu giải quyết: Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam')).toBe(true);
    expect(has('1 Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP) Bản chính 1')).toBe(
      true,
    );
    expect(has('2 Căn cước công dân của người được cấp Phiếu lý lịch tư pháp Bản sao chứng thực 1')).toBe(
      true,
    );
    expect(has('3 Giấy xác nhận thông tin về cư trú Bản chụp 2')).toBe(true);
    expect(has('2. Số lượng hồ sơ: 01 (bộ)')).toBe(true);
    expect(has('3. Thời gian giải quyết hồ sơ theo quy định là: 10 ngày làm việc')).toBe(true);
    expect(has('4. Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày 31 tháng 5 năm 2021')).toBe(true);
    expect(has('5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 14 tháng 6 năm 2021')).toBe(
      true,
    );
    expect(has('6. Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công tỉnh An Hòa')).toBe(true);
    expect(has('7. Hình thức nhận kết quả: Nhận qua dịch vụ bưu chính công ích')).toBe(true);
    expect(has('8. Phí, lệ phí: 200.000 đồng')).toBe(true);
    expect(has('Vào Sổ theo dõi hồ sơ, Quyển số: 03/2021, Số thứ tự: 1458')).toBe(true);
    expect(has('NGƯỜI NỘP HỒ SƠ')).toBe(true);
    expect(has('NGƯỜI TIẾP NHẬN HỒ SƠ')).toBe(true);
    expect(has('Trần Thị Hạnh')).toBe(true);
    expect(has('An Hòa, ngày 31 tháng 5 năm 2021')).toBe(true);
  });

  it('prints a QR code on the receipt that decodes to the lookup URL', async () => {
    const pdf = await renderForm('receipt', SAMPLE_RECEIPT, { set });
    const images = await pdfImages(pdf);
    expect(images).toHaveLength(1);
    const [qr] = images;
    expect(jsQR(qr!.data, qr!.width, qr!.height)?.data).toBe(SAMPLE_RECEIPT.lookupUrl);
  });

  it('renders Mẫu 02 listing every missing or defective component with reason and guidance', async () => {
    const pdf = await renderForm('supplement_request', SAMPLE_SUPPLEMENT, { set });
    const { has } = await textOf(pdf);
    expect(has(`Mẫu số 02 – Thông tư số ${CIRCULAR[set]}`)).toBe(true);
    expect(has('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ')).toBe(true);
    expect(has('Mã hồ sơ: 000.17.22.H56-210531-0002')).toBe(true);
    expect(has('Hồ sơ của: Nguyễn Văn Ánh')).toBe(true);
    for (const [i, item] of SAMPLE_SUPPLEMENT.items.entries()) {
      expect(has(`${i + 1} ${item.component} ${item.reason} ${item.guidance}`)).toBe(true);
    }
    expect(has('liên hệ với Trần Thị Hạnh, số điện thoại 0297 3 812 345')).toBe(true);
    expect(has('NGƯỜI HƯỚNG DẪN')).toBe(true);
    expect(has('An Hòa, ngày 01 tháng 6 năm 2021')).toBe(true);
  });

  it('renders Mẫu 03 with the reason and the competent agency', async () => {
    const pdf = await renderForm('refusal', SAMPLE_REFUSAL, { set });
    const { has } = await textOf(pdf);
    expect(has(`Mẫu số 03 – Thông tư số ${CIRCULAR[set]}`)).toBe(true);
    expect(has('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ')).toBe(true);
    expect(has('Căn cứ quy định tại khoản 1 Điều 13 Luật Hộ tịch năm 2014')).toBe(true);
    expect(has(SAMPLE_REFUSAL.reason)).toBe(true);
    expect(has('Đề nghị ông/bà liên hệ Ủy ban nhân dân phường Bình Sơn')).toBe(true);
    expect(has('Nội dung yêu cầu giải quyết: Đăng ký khai sinh')).toBe(true);
  });

  it('renders Mẫu 04, the apology, with the new appointment', async () => {
    const pdf = await renderForm('apology', SAMPLE_APOLOGY, { set });
    const { has } = await textOf(pdf);
    expect(has(`Mẫu số 04 – Thông tư số ${CIRCULAR[set]}`)).toBe(true);
    expect(has(TEMPLATE_SETS[set].forms.apology!.title)).toBe(true);
    expect(has('Kính gửi: Nguyễn Văn Ánh')).toBe(true);
    expect(has('Lý do: Cần xác minh thêm thông tin')).toBe(true);
    expect(has('vào lúc 15 giờ 00 phút, ngày 18 tháng 6 năm 2021')).toBe(true);
    expect(has('GIÁM ĐỐC')).toBe(true);
    expect(has('Lê Minh Quân')).toBe(true);
  });
});

describe('stop-processing notice', () => {
  it('exists in TT 03/2025 as Mẫu 05 and renders the request to stop', async () => {
    const pdf = await renderForm('stop_processing', SAMPLE_STOP_PROCESSING, { set: 'tt03-2025' });
    const { has } = await textOf(pdf);
    expect(has('Mẫu số 05 – Thông tư số 03/2025/TT-VPCP')).toBe(true);
    expect(has('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ')).toBe(true);
    expect(has('Mã hồ sơ: 000.17.22.H56-250901-0007')).toBe(true);
    expect(has('Vào lúc 14 giờ 20 phút, ngày 03 tháng 9 năm 2025, ông/bà đã đề nghị dừng giải quyết')).toBe(
      true,
    );
    expect(has('với lý do: Không còn nhu cầu sử dụng')).toBe(true);
  });

  it('does not exist in TT 01/2018', async () => {
    await expect(renderForm('stop_processing', SAMPLE_STOP_PROCESSING, { set: 'tt01-2018' })).rejects.toThrow(
      /tt01-2018 has no form stop_processing/,
    );
  });
});

describe('form details', () => {
  it('prints "Không thu phí" for a free procedure and the counter as return channel', async () => {
    const pdf = await renderForm(
      'receipt',
      { ...SAMPLE_RECEIPT, fee: 0, returnChannel: 'counter' },
      { set: 'tt03-2025' },
    );
    const { has } = await textOf(pdf);
    expect(has('8. Phí, lệ phí: Không thu phí')).toBe(true);
    expect(has('Nhận trực tiếp tại Bộ phận Một cửa')).toBe(true);
  });

  it('keeps every component of a long dossier, across pages', async () => {
    const components = Array.from({ length: 40 }, (_, i) => ({
      name: `Giấy tờ thứ ${i + 1} – bản kê khai chi tiết`,
      copies: (i % 3) + 1,
      kind: 'original' as const,
    }));
    const pdf = await renderForm('receipt', { ...SAMPLE_RECEIPT, components }, { set: 'tt03-2025' });
    const { has } = await textOf(pdf);
    for (const [i, c] of components.entries())
      expect(has(`${i + 1} ${c.name} Bản chính ${c.copies}`)).toBe(true);
    expect(has('NGƯỜI TIẾP NHẬN HỒ SƠ')).toBe(true);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBeGreaterThan(1);
  });

  it('omits the competence sentence when the refusal has another reason', async () => {
    const pdf = await renderForm(
      'refusal',
      { ...SAMPLE_REFUSAL, competentAgency: undefined, reason: 'Hồ sơ giả mạo giấy tờ.' },
      { set: 'tt01-2018' },
    );
    const { has } = await textOf(pdf);
    expect(has('Hồ sơ giả mạo giấy tờ.')).toBe(true);
    expect(has('không thuộc thẩm quyền')).toBe(false);
  });

  it('refuses an empty supplement request', async () => {
    await expect(
      renderForm('supplement_request', { ...SAMPLE_SUPPLEMENT, items: [] }, { set: 'tt01-2018' }),
    ).rejects.toThrow(/at least one/);
  });
});

describe('Tinos (ND 30/2020: a Times New Roman-compatible face), merged from the npm subsets', () => {
  it('has a glyph for every Vietnamese letter, and the forms embed it (pdffonts)', async () => {
    const vi = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    const letters = [...vi, ...vi.toUpperCase()];
    for (const style of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
      const font = createFont(tinos(style), { type: 'ttf' }).get();
      expect(font.name.fontFamily).toBe('Tinos');
      const cmap = font.cmap as Record<number, number>;
      const missing = letters.filter((c) => !cmap[c.codePointAt(0)!]);
      expect(missing, style).toEqual([]);
    }
    const pdf = await renderForm('receipt', SAMPLE_RECEIPT, { set: 'tt03-2025' });
    const dir = mkdtempSync(path.join(tmpdir(), 'fonts-'));
    writeFileSync(path.join(dir, 'r.pdf'), pdf);
    const lines = execFileSync('pdffonts', [path.join(dir, 'r.pdf')], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    // Every font is an embedded subset of Tinos with a Unicode map (so the text can be copied and searched).
    for (const l of lines)
      expect(l).toMatch(/^[A-Z]{6}\+Tinos-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });
});
