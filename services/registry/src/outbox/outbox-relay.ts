import type { PoolClient } from 'pg';
import type { PgPool } from '@flywheel/postgres';
import type { OutboxRepository } from './outbox.repository';
import { eventFromOutboxRow } from './registry-event-change';
import type { RegistryEventPublisher } from './registry-event-publisher';

export interface OutboxRelayOptions {
  /** Longest wait between polls when no notification arrives (ms). */
  pollIntervalMs: number;
  /** Most rows published per round. */
  batchSize: number;
  /** Wait after a failure (database or bus) before trying again (ms). */
  retryDelayMs: number;
  /** How long `stop()` waits for a round in flight before cutting its connection (ms). */
  stopTimeoutMs: number;
  logger: { info(message: string): void; warn(message: string): void };
}

export const DEFAULT_RELAY_OPTIONS: Omit<OutboxRelayOptions, 'logger'> = {
  pollIntervalMs: 500,
  batchSize: 500,
  retryDelayMs: 1_000,
  stopTimeoutMs: 5_000,
};

/**
 * Publishes outbox rows to the bus: at least once, in id order (which is commit order for the
 * rows of one model), one relay per schema at a time.
 *
 * Each round reads undelivered rows, publishes them and only then stamps them delivered, so a
 * crash between the two republishes the same events (same event ids) on the next round or by
 * the next relay. The session-level advisory lock makes other replicas' relays stand by; a
 * crashed relay's connection dies with it and frees the lock. LISTEN wakes the relay on commit;
 * polling covers missed notifications and servers without LISTEN (embedded PGlite).
 */
export class OutboxRelay {
  private client: PoolClient | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly pool: PgPool,
    private readonly outbox: OutboxRepository,
    private readonly publisher: RegistryEventPublisher,
    private readonly options: OutboxRelayOptions,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops relaying; never waits longer than `stopTimeoutMs` for a round in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    const loop = this.loop ?? Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.options.stopTimeoutMs)));
    const outcome = await Promise.race([loop.then(() => 'done' as const), timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') this.options.logger.warn('outbox relay: a round was still running at stop; cutting its connection');
    this.dropClient();
  }

  /**
   * One round if this relay holds (or can take) the lock: publishes up to `batchSize` rows and
   * returns how many; 0 when there was nothing to do or another relay holds the lock.
   */
  async relayOnce(): Promise<number> {
    const client = await this.lockedClient();
    if (!client) return 0;
    try {
      const rows = await this.outbox.undelivered(client, this.options.batchSize);
      if (rows.length === 0) return 0;
      await this.publisher.publish(rows.map(eventFromOutboxRow));
      await this.outbox.markDelivered(client, rows.map((row) => row.id));
      return rows.length;
    } catch (error) {
      // Give up the lock with the connection: whatever failed, the next round starts clean.
      this.dropClient();
      throw error;
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const published = await this.relayOnce();
        if (published < this.options.batchSize) await this.pause(this.options.pollIntervalMs);
      } catch (error) {
        if (this.stopped) break;
        this.options.logger.warn(`outbox relay: ${error instanceof Error ? error.message : String(error)}; retrying`);
        await this.pause(this.options.retryDelayMs);
      }
    }
  }

  private async lockedClient(): Promise<PoolClient | undefined> {
    if (this.client) return this.client;
    const client = await this.pool.connect();
    try {
      if (!(await this.outbox.tryLock(client))) {
        client.release();
        return undefined;
      }
      await this.listen(client);
    } catch (error) {
      client.release(true);
      throw error;
    }
    this.client = client;
    this.options.logger.info('outbox relay: holding the relay lock; publishing');
    return client;
  }

  private async listen(client: PoolClient): Promise<void> {
    client.on('notification', () => this.wake?.());
    try {
      await this.outbox.listen(client);
    } catch (error) {
      this.options.logger.warn(`outbox relay: LISTEN unavailable (${error instanceof Error ? error.message : String(error)}); polling only`);
    }
  }

  private pause(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /**
   * Destroys the connection rather than returning it to the pool: ending its session frees the
   * relay lock and its LISTEN, which a pooled session would otherwise keep.
   */
  private dropClient(): void {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    client.removeAllListeners('notification');
    client.release(true);
  }
}
