import QRCode from 'qrcode';

/** The QR code printed on the receipt, as PNG. Medium error correction survives a crumpled or stamped receipt. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
}
