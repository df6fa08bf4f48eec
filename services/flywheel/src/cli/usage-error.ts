/** A command line the CLI cannot run; main prints the message and exits with status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
