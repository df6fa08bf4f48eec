import { BusLogger } from '../contract/logger';

/** Keeps a group membership alive: Kafka evicts members that stay silent for a session timeout. */
export interface Heartbeat {
  beat(): Promise<void>;
  intervalMs: number;
}

/**
 * Runs `work` while beating every `intervalMs`, so a slow handler or a long retry backoff does not
 * get its member evicted mid-batch. A failed beat (usually a rebalance in progress) is only logged:
 * the commit that follows then fails and the batch is redelivered, which is safe.
 */
export async function withHeartbeats<R>(heartbeat: Heartbeat | undefined, logger: BusLogger, work: () => Promise<R>): Promise<R> {
  if (!heartbeat) return work();
  const timer = setInterval(() => {
    heartbeat.beat().catch((error: unknown) => logger.debug('heartbeat failed', { error: String(error) }));
  }, heartbeat.intervalMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
