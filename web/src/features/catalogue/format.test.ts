import { describe, expect, it } from 'vitest';
import { legalCitation } from './format';

describe('legalCitation', () => {
  it('prints type, number, date, issuer and title, so a decree never reads like a law (issue #20)', () => {
    expect(
      legalCitation({
        number: '123/2015/NĐ-CP',
        title: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
        issuer: 'Chính phủ',
        date: '2015-11-15',
      }),
    ).toBe(
      'Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
    );
    expect(
      legalCitation({
        number: '60/2014/QH13',
        title: 'Luật Hộ tịch',
        issuer: 'Quốc hội',
        date: '2014-11-20',
      }),
    ).toBe('Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014 của Quốc hội');
    expect(
      legalCitation({
        number: '45/2016/QĐ-TTg',
        title:
          'về việc tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích',
        issuer: 'Thủ tướng Chính phủ',
        date: '2016-10-19',
      }),
    ).toBe(
      'Quyết định số 45/2016/QĐ-TTg ngày 19/10/2016 của Thủ tướng Chính phủ về việc tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích',
    );
  });
});
