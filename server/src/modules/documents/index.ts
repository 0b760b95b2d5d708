/**
 * The documents module's face to other modules: render an official form (Vietnamese PDF, Tinos, ND 30/2020 layout)
 * from its data, the template set in force on a date, the register's columns, and the layout helpers for reports.
 */
export { renderForm } from './documents.service';
export type {
  Applicant,
  CopyKind,
  FormData,
  IssuingUnit,
  ProcessingTime,
  RegisterData,
  RegisterRow,
  RenderableForm,
} from './documents.types';
export { templateSetFor, type TemplateSet } from './templates';
export { REGISTER_COLUMNS, registerCells } from './register-columns';
export { renderResultDocument } from './forms/result';
export { renderForwardingSlip } from './forms/forwarding-slip';
export { renderPaymentReceipt } from './forms/payment-receipt';
export { vnParts } from './format';
export { contentWidth, ensureSpace, finish, left, newDocument } from './pdf-layout';
