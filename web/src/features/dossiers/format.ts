/** One key per submission attempt, reused when that attempt is retried. */
export const newIdempotencyKey = () => crypto.randomUUID();

/** On a dossier, a 409 means someone else decided first: the ErrorBox says so and offers to reload the dossier. */
export const DOSSIER_CONFLICT = { message: 'dossiers.conflict', reload: 'dossiers.reload' } as const;
