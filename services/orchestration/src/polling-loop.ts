/**
 * Runs `tick` at once and then `intervalMs` after each tick finishes, until `stop()`. A failed
 * tick is reported to `onError` and the loop goes on; ticks never overlap. `stop()` waits for a
 * tick in progress, which can check `stopping` to end early.
 */
export class PollingLoop {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly tick: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  get stopping(): boolean {
    return this.stopped;
  }

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick()
        .catch(this.onError)
        .finally(() => {
          this.ticking = undefined;
          this.schedule(this.intervalMs);
        });
    }, delayMs);
  }
}
