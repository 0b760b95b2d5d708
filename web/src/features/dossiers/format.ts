/** One key per submission attempt, reused when that attempt is retried. */
export const newIdempotencyKey = () => crypto.randomUUID();
