import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { locateSignature } from './verify';

/** A PDF-shaped buffer whose /Contents holds `der` followed by a signature placeholder's zero padding. */
function signedShape(der: Uint8Array): Buffer {
  const contents = `<${Buffer.from(der).toString('hex')}${'00'.repeat(64)}>`;
  const head = '%PDF-1.7\n1 0 obj << /ByteRange [0 0000000000 0000000000 0000000000] /Contents ';
  const tail = ' >>\nendobj\n%%EOF\n';
  const a = head.length;
  const c = a + contents.length;
  const range = `[0 ${String(a).padStart(10, '0')} ${String(c).padStart(10, '0')} ${String(tail.length).padStart(10, '0')}]`;
  return Buffer.from(head.replace(/\[[^\]]*\]/, range) + contents + tail, 'latin1');
}

describe('locateSignature', () => {
  it('keeps a signature whose last byte is zero (one RSA signature in 256 ends so)', () => {
    const der = new Uint8Array(
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.2' }),
          new asn1js.OctetString({ valueHex: new Uint8Array([7, 0]).buffer }),
        ],
      }).toBER(),
    );
    expect(der.at(-1)).toBe(0);
    const located = locateSignature(signedShape(der));
    if (typeof located === 'string') throw new Error(located);
    expect(located.cms.subarray(0, der.length).equals(Buffer.from(der))).toBe(true);
    expect(asn1js.fromBER(new Uint8Array(located.cms).buffer).offset).toBe(der.length);
  });
});
