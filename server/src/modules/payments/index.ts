/** The payments module's face to other modules. */
export { canonicalString, contentHash, sign, signatureValid, timestampFresh } from './signed-message';
export { paymentsSummary } from './payments.service';
