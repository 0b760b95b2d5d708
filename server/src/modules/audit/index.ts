/** What other modules use: append to the audit chain inside their transaction, and verify it. */
export { appendAudit, audit, verifyAuditChain, type AuditActor, type AuditEntry } from './audit.service';
