import { expect } from 'vitest';
import { detail } from '../dossiers/dossiers.test-helpers';
import { at, officeFixture } from '../dossiers/processing-office.test-helpers';

/**
 * The results tests' office (Sở TT&TT, see `officeFixture`): `approved` takes an online dossier received at `local`
 * through appraisal and approval (by the head) and sets the clock to the result's time, Wednesday 4/3/2026 10:00;
 * `signedResult` then issues the generated, signed result and fetches its PDF as the applicant; `verify` posts a file
 * to the public verification endpoint.
 */
export async function resultsFixture(n0: number) {
  const o = await officeFixture(n0);
  const { f, head, specialist, desk, act, received } = o;

  async function approved(local: string) {
    let d = await received(local);
    d = detail(await act(head, d, 'assign', { handlerId: specialist.userId }));
    d = detail(await act(specialist, d, 'appraise', { opinion: 'Đủ điều kiện.', proposal: 'approve' }));
    d = detail(await act(specialist, d, 'forward'));
    d = detail(await act(head, d, 'forward'));
    f.clock.set(at('2026-03-04T10:00'));
    return d;
  }

  async function signedResult(local: string) {
    const d0 = await approved(local);
    const d = detail(
      await act(desk, d0, 'result', { kind: 'granted', summary: 'Cấp giấy phép số 12/GP-STTTT.' }),
    );
    const doc = d.documents.find((x) => x.kind === 'result')!;
    const res = await f.inject(f.citizenA, 'GET', doc.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return { d, pdf: res.rawPayload };
  }

  const verify = (body: Buffer, contentType = 'application/pdf', lang = 'vi') =>
    f.app.inject({
      method: 'POST',
      url: '/api/results/verify',
      payload: body,
      headers: { 'content-type': contentType, 'accept-language': lang },
    });

  return { ...o, approved, signedResult, verify };
}
