/**
 * Generates a printable form template as RTF (opens in Word, LibreOffice and WPS, the editors desks use), with the
 * national heading and blank lines to fill in. Vietnamese characters are written as RTF \u escapes.
 */
function rtfText(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '{' || ch === '}') out += `\\${ch}`;
    else if (cp < 128) out += ch;
    else if (cp < 0x10000) out += `\\u${cp > 32767 ? cp - 65536 : cp}?`;
    else out += '?';
  }
  return out;
}

export function formTemplateRtf(title: string, procedureName: string, fields: string[] = []): Buffer {
  const lines = fields.length
    ? fields
    : [
        'Họ, chữ đệm, tên người yêu cầu',
        'Số định danh cá nhân',
        'Nơi cư trú',
        'Số điện thoại',
        'Nội dung đề nghị',
      ];
  const par = (text: string, opts = '') => `{\\pard${opts} ${rtfText(text)}\\par}`;
  const body = [
    par('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '\\qc\\b'),
    par('Độc lập - Tự do - Hạnh phúc', '\\qc\\b'),
    par(''),
    par(title.toUpperCase(), '\\qc\\b\\fs30'),
    par(`(Thủ tục: ${procedureName})`, '\\qc\\i'),
    par(''),
    par('Kính gửi: ....................................................................'),
    ...lines.map((l) =>
      par(`${l}: ........................................................................`),
    ),
    par(''),
    par(
      'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.',
    ),
    par('........, ngày ..... tháng ..... năm ..........', '\\qr\\i'),
    par('NGƯỜI YÊU CẦU', '\\qr\\b'),
    par('(Ký, ghi rõ họ, chữ đệm, tên)', '\\qr\\i'),
  ].join('\n');
  return Buffer.from(
    `{\\rtf1\\ansi\\ansicpg1252\\uc1\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs26\n${body}\n}`,
    'ascii',
  );
}

export const RTF_MEDIA_TYPE = 'application/rtf';

/** ASCII file name from a Vietnamese title: "Tờ khai đăng ký khai sinh" → "to-khai-dang-ky-khai-sinh.rtf". */
export function slugFileName(title: string, ext = 'rtf'): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${slug}.${ext}`;
}
