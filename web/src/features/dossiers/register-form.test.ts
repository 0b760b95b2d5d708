import { describe, expect, it } from 'vitest';
import {
  blankRegisterForm,
  blankRow,
  registerFieldOf,
  toRegisterRequest,
  ZRegisterForm,
} from './register-form';

const filled = () => ({
  ...blankRegisterForm(),
  procedureCode: '1.000001',
  applicant: { ...blankRegisterForm().applicant, name: 'Lê Thị Cúc', idNumber: '038185004321' },
  components: [
    blankRow('1'),
    { ...blankRow('2'), ticked: true, pageCount: 3 },
    { ...blankRow('3'), ticked: true },
  ],
});

describe('counter-intake form', () => {
  it('validates with the contract: a short name and a post without tracking number land on their fields', () => {
    const bad = ZRegisterForm.safeParse({
      ...filled(),
      channel: 'post',
      applicant: { ...filled().applicant, name: 'A' },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('applicant.name');
    expect(paths).toContain('postalTrackingNo');
    expect(ZRegisterForm.safeParse(filled()).success).toBe(true);
  });

  it('sends only the ticked rows, without the tick, and no tracking number at the counter', () => {
    const req = toRegisterRequest(ZRegisterForm.parse({ ...filled(), postalTrackingNo: 'EE123' }));
    expect(req.components.map((c) => c.componentCode)).toEqual(['2', '3']);
    expect(req.components[0]).not.toHaveProperty('ticked');
    expect(req.postalTrackingNo).toBeNull();
  });

  it("puts the server's component errors on the ticked row they name", () => {
    const form = filled();
    expect(registerFieldOf(form, 'components.0.pageCount')).toBe('components.1.pageCount');
    expect(registerFieldOf(form, 'components.1.copies')).toBe('components.2.copies');
    expect(registerFieldOf(form, 'components.7')).toBe('components');
    expect(registerFieldOf(form, 'applicant.name')).toBe('applicant.name');
  });
});
