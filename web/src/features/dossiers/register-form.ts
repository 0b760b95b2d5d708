import { z } from 'zod';
import { ZCounterComponent, ZRegisterDossierRequest, type TRegisterDossierRequest } from '@motcua/contracts';

/**
 * The counter-intake form ("Tiếp nhận → Thêm mới") is the request itself, validated by its own contract schema, with
 * one row per component of the procedure: `ticked` says whether it was received; only ticked rows are sent.
 */
export const ZRegisterForm = ZRegisterDossierRequest.safeExtend({
  components: z.array(ZCounterComponent.extend({ ticked: z.boolean() })).max(100),
});
export type TRegisterForm = z.input<typeof ZRegisterForm>;
type Row = TRegisterForm['components'][number];

export const blankRow = (componentCode: string): Row => ({
  componentCode,
  ticked: false,
  copyKind: 'photocopy',
  copies: 1,
  originalShown: false,
  fileIds: [],
  pageCount: 0,
});

export const blankRegisterForm = (): TRegisterForm => ({
  channel: 'counter',
  postalTrackingNo: null,
  procedureCode: '',
  applicant: { kind: 'citizen', name: '', idNumber: null, address: null, phone: null, email: null },
  components: [],
  sets: 1,
});

/** What is sent: the ticked rows without their tick; a tracking number only for a dossier that came by post. */
export function toRegisterRequest(form: z.output<typeof ZRegisterForm>): TRegisterDossierRequest {
  return {
    ...form,
    postalTrackingNo: form.channel === 'post' ? form.postalTrackingNo : null,
    components: form.components.filter((c) => c.ticked).map(({ ticked: _ticked, ...c }) => c),
  };
}

/**
 * The form field a server error names: `components.1.pageCount` of the request is the second *ticked* row of the form.
 */
export function registerFieldOf(form: TRegisterForm, requestPath: string): string {
  const m = /^components\.(\d+)(\..*)?$/.exec(requestPath);
  if (!m) return requestPath;
  const sent = form.components.flatMap((c, i) => (c.ticked ? [i] : []));
  const row = sent[Number(m[1])];
  return row === undefined ? 'components' : `components.${row}${m[2] ?? ''}`;
}

/** An empty text box is "not given" (null) in the request. */
export const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
