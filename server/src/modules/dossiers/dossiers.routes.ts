/**
 * Dossier intake routes (issue 6). Schemas: `contracts/src/dossiers.ts`. Errors: `{code, message}`.
 *
 * | method | path                                                  | who                         | request → response                              |
 * |--------|-------------------------------------------------------|-----------------------------|-------------------------------------------------|
 * | POST   | /api/dossier-files                                    | logged in                   | raw bytes (X-File-Name, URL-encoded) → 201 ZUploadedFile |
 * | GET    | /api/dossier-drafts                                   | citizen                     | → ZDraftList                                    |
 * | POST   | /api/dossier-drafts                                   | citizen                     | ZSaveDraftRequest → 201 ZDraft                  |
 * | GET    | /api/dossier-drafts/{id}                              | owner                       | → ZDraft                                        |
 * | PUT    | /api/dossier-drafts/{id}                              | owner                       | ZSaveDraftRequest (expectedVersion) → ZDraft    |
 * | DELETE | /api/dossier-drafts/{id}                              | owner                       | → 204                                           |
 * | POST   | /api/dossiers                                         | citizen (Idempotency-Key)   | ZSubmitDossierRequest → 201 ZDossierDetail      |
 * | GET    | /api/dossiers?status&page&pageSize                    | citizen ("Hồ sơ của tôi")   | → ZDossierList                                  |
 * | GET    | /api/dossiers/{id}                                    | applicant / reception staff | → ZDossierDetail (timeline in `events`)         |
 * | PATCH  | /api/dossiers/{id}                                    | applicant                   | ZAmendDossierRequest → ZDossierDetail           |
 * | POST   | /api/dossiers/{id}/withdraw                           | applicant                   | ZWithdrawDossierRequest → ZDossierDetail        |
 * | POST   | /api/dossiers/{id}/supplement                         | applicant                   | ZSubmitSupplementRequest → ZDossierDetail       |
 * | GET    | /api/dossiers/{id}/documents/{documentId}             | applicant / reception staff | → application/pdf (Mẫu 01/02/03)                |
 * | GET    | /api/dossiers/{id}/files/{fileId}                     | applicant / reception staff | → the stored bytes                              |
 * | GET    | /api/dossier-messages                                 | citizen                     | → ZDossierMessageList (portal inbox)            |
 * | GET    | /api/reception/queue?status&page&pageSize             | reception_officer           | → ZDossierList, by reception deadline           |
 * | POST   | /api/reception/dossiers                               | reception_officer (Idem.)   | ZRegisterDossierRequest → 201 ZDossierDetail    |
 * | POST   | /api/reception/dossiers/{id}/accept                   | reception_officer           | ZAcceptDossierRequest → ZDossierDetail          |
 * | POST   | /api/reception/dossiers/{id}/request-supplement       | reception_officer           | ZRequestSupplementRequest → ZDossierDetail      |
 * | POST   | /api/reception/dossiers/{id}/refuse                   | reception_officer           | ZRefuseDossierRequest → ZDossierDetail          |
 * | GET    | /api/lookup/{code}                                    | anyone (rate-limited per IP)| → ZLookupResponse; 400 malformed, 404 unknown   |
 *
 * Stale `expectedVersion` → 409 CONFLICT; another applicant's dossier → 404; wrong agency → 404 for staff.
 */
export {};
