/**
 * ClickHouse error codes that mean the data of an insert is at fault, not the server: retrying
 * the same rows fails the same way, so the batch goes to the consumer's per-record isolation
 * (and the records that fail alone to the DLQ) instead of being retried forever.
 */
const DATA_ERROR_CODES = new Set([
  '6', // CANNOT_PARSE_TEXT
  '26', // CANNOT_PARSE_QUOTED_STRING
  '27', // CANNOT_PARSE_INPUT_ASSERTION_FAILED
  '38', // CANNOT_PARSE_DATE
  '41', // CANNOT_PARSE_DATETIME
  '53', // TYPE_MISMATCH
  '69', // ARGUMENT_OUT_OF_BOUND
  '70', // CANNOT_CONVERT_TYPE
  '72', // CANNOT_PARSE_NUMBER
  '117', // INCORRECT_DATA
  '131', // TOO_LARGE_STRING_SIZE
  '321', // VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE
]);

/** Whether `error` is ClickHouse refusing the rows themselves (see DATA_ERROR_CODES). */
export function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DATA_ERROR_CODES.has(code);
}

/** The consumer is closing: the batch is left uncommitted and redelivered to the next owner. */
export class IngestionStoppingError extends Error {
  constructor() {
    super('ingestion is stopping; the batch is left uncommitted');
    this.name = 'IngestionStoppingError';
  }
}
