import { describe, expect, it } from 'vitest';
import { applicantIdLabel } from '../documents/labels';
import { applicantOf } from './dossier-forms';
import type { DossierRow } from './dossiers.repo';

const row = (applicant: object) => ({ applicant }) as unknown as DossierRow;

describe('the applicant on the forms', () => {
  it('labels the number by the kind the applicant chose, never by its length (issue 20)', () => {
    // A business with a 10-digit tax code, and a person whose number happens to have 10 digits too.
    const firm = applicantOf(
      row({ kind: 'organisation', name: 'Công ty TNHH An Phát', idNumber: '9900123456' }),
    );
    const person = applicantOf(row({ kind: 'citizen', name: 'Nguyễn Văn An', idNumber: '0992010012' }));
    expect(applicantIdLabel(firm)).toBe('Mã số doanh nghiệp/mã số thuế');
    expect(applicantIdLabel(person)).toBe('Số định danh cá nhân');
  });
});
