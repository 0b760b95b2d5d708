import type { FormData, RenderableForm, RenderOptions } from './documents.types';
import { renderApology } from './forms/apology';
import { renderControlSlip } from './forms/control-slip';
import { renderReceipt } from './forms/receipt';
import { renderRegister } from './forms/register';
import { renderRefusal } from './forms/refusal';
import { renderStopProcessing } from './forms/stop-processing';
import { renderSupplementRequest } from './forms/supplement-request';
import { TEMPLATE_SETS } from './templates';

/**
 * Renders one official form as a PDF. Pure apart from reading the bundled font files: the caller chooses the template
 * set (usually `templateSetFor(receivedAt, config.formTemplateSet)`) and stores the bytes (e.g. in the FileStore).
 */
export function renderForm<F extends RenderableForm>(
  form: F,
  data: FormData[F],
  opts: RenderOptions,
): Promise<Buffer> {
  const set = TEMPLATE_SETS[opts.set];
  const renderers: { [K in RenderableForm]: (d: FormData[K]) => Promise<Buffer> } = {
    receipt: (d) => renderReceipt(d, set),
    supplement_request: (d) => renderSupplementRequest(d, set),
    refusal: (d) => renderRefusal(d, set),
    apology: (d) => renderApology(d, set),
    stop_processing: (d) => renderStopProcessing(d, set),
    process_control: (d) => renderControlSlip(d, set),
    register: (d) => renderRegister(d, set),
  };
  return (renderers[form] as (d: FormData[F]) => Promise<Buffer>)(data);
}
