/** An error's message, for logs and DLQ reasons. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
