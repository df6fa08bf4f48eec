/** Prints one line per step of the demo, prefixed with the seconds since it started. */
export class Narrator {
  private readonly startedAt = performance.now();

  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(line)) {}

  say(message: string): void {
    const seconds = ((performance.now() - this.startedAt) / 1000).toFixed(1);
    this.write(`[${seconds.padStart(6)}s] ${message}\n`);
  }
}

/** A demo step that did not happen in time or failed; its message names the step. */
export class DemoStepError extends Error {
  override readonly name = 'DemoStepError';
}

/**
 * Polls `probe` every `intervalMs` until it returns a value other than undefined.
 * @throws DemoStepError naming `step` once `timeoutMs` passed (with the probe's last error).
 */
export async function waitForStep<T>(step: string, timeoutMs: number, probe: () => Promise<T | undefined>, intervalMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      if (error instanceof DemoStepError) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new DemoStepError(`step "${step}" did not happen within ${Math.round(timeoutMs / 1000)}s${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
