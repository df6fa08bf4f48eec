/** A ListAuditEntries request the log cannot answer; `field` is the request field at fault. */
export class AuditQueryError extends Error {
  override readonly name = 'AuditQueryError';

  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}
