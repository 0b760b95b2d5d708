import { describe, expect, it } from 'vitest';
import { normaliseValues, validateForm, type FormSchema } from './schema-form-model';

const schema: FormSchema = {
  type: 'object',
  required: ['hoTen', 'ngaySinh', 'camKet'],
  properties: {
    hoTen: { type: 'string', title: 'Họ và tên', minLength: 2, maxLength: 10 },
    ngaySinh: { type: 'string', title: 'Ngày sinh', format: 'date' },
    email: { type: 'string', format: 'email' },
    soBan: { type: 'integer', minimum: 1, maximum: 5 },
    gioiTinh: { type: 'string', enum: ['nam', 'nu'] },
    maSo: { type: 'string', pattern: '^[0-9]{12}$' },
    camKet: { type: 'boolean' },
  },
};

describe('e-form validation', () => {
  it('reports every missing required field, including an unticked required box', () => {
    expect(validateForm(schema, {})).toEqual({
      hoTen: { kind: 'required' },
      ngaySinh: { kind: 'required' },
      camKet: { kind: 'tick' },
    });
  });

  it('checks lengths, formats, ranges, choices and patterns', () => {
    const errors = validateForm(schema, {
      hoTen: 'Nguyễn Văn An Bình',
      ngaySinh: '01/02/1990',
      email: 'khong-hop-le',
      soBan: '7',
      gioiTinh: 'khac',
      maSo: '12ab',
      camKet: true,
    });
    expect(errors).toEqual({
      hoTen: { kind: 'maxLength', n: 10 },
      ngaySinh: { kind: 'date' },
      email: { kind: 'email' },
      soBan: { kind: 'maximum', n: 5 },
      gioiTinh: { kind: 'enum' },
      maSo: { kind: 'pattern' },
    });
    expect(validateForm(schema, { hoTen: 'An', ngaySinh: '1990-02-01', soBan: '1.5', camKet: true })).toEqual(
      {
        soBan: { kind: 'number' },
      },
    );
  });

  it('accepts a complete form and sends numbers as numbers, leaving blanks out', () => {
    const values = { hoTen: 'Trần Thị B', ngaySinh: '1990-02-01', soBan: '2', email: '', camKet: true };
    expect(validateForm(schema, values)).toEqual({});
    expect(normaliseValues(schema, values)).toEqual({
      hoTen: 'Trần Thị B',
      ngaySinh: '1990-02-01',
      soBan: 2,
      camKet: true,
    });
  });

  it('runs patterns on a linear-time engine: an evil pattern cannot freeze the page', () => {
    const evil: FormSchema = { properties: { maSo: { type: 'string', pattern: '^(a+)+$' } } };
    const started = performance.now();
    expect(validateForm(evil, { maSo: `${'a'.repeat(25)}!` })).toEqual({ maSo: { kind: 'pattern' } });
    expect(performance.now() - started).toBeLessThan(100);
    expect(validateForm(evil, { maSo: `${'a'.repeat(5000)}!` })).toEqual({ maSo: { kind: 'pattern' } });
    expect(validateForm(evil, { maSo: 'aaaa' })).toEqual({});
  });

  it('reads \\u escapes as ECMAScript does, and never throws on a pattern it cannot compile', () => {
    const vn: FormSchema = { properties: { ten: { type: 'string', pattern: '^[\\u00C0-\\u1EF9a-z ]+$' } } };
    expect(validateForm(vn, { ten: 'việt nam' })).toEqual({});
    expect(validateForm(vn, { ten: 'VIET' })).toEqual({ ten: { kind: 'pattern' } });
    const broken: FormSchema = { properties: { maSo: { type: 'string', pattern: '[0-9' } } };
    expect(() => validateForm(broken, { maSo: '1' })).not.toThrow();
  });
});
