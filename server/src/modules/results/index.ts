// The results module's public face (issue 15): other modules sign and look up results only through these.
export {
  dossierResults,
  currentResultsOf,
  findCurrentResult,
  readResultPdf,
  signAndRecordResult,
  verifyResultPdf,
  type SignResultInput,
} from './results.service';
export type { SignedResultRow } from './results.repo';
export { checkUploadedResult } from './uploaded-result';
