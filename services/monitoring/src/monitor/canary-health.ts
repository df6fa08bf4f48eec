import type { ClickHouseClient } from '@clickhouse/client';
import { type DeploymentHealth, jensenShannonDistance } from '@flywheel/drift';
import type { CanaryWindow } from '../decisions/window-decision';
import { type VariantTraffic, predictionBinsByVersion } from '../clickhouse/traffic-queries';
import type { TimeWindow } from '../windows/window';

/** Variants whose traffic is the model's primary (champion) traffic. */
export const PRIMARY_VARIANTS = ['champion', 'unspecified'] as const;

/** The version serving most primary traffic in the window, or undefined when there was none. */
export function primaryVersion(traffic: readonly VariantTraffic[]): number | undefined {
  return busiest(traffic.filter((t) => (PRIMARY_VARIANTS as readonly string[]).includes(t.variant)));
}

/**
 * Canary versus champion in the same window, or undefined without canary traffic: error rates,
 * exact p99 latencies, and the Jensen-Shannon distance between their prediction scores on the
 * champion's decile bins.
 */
export async function canaryWindow(
  client: ClickHouseClient,
  database: string,
  modelName: string,
  window: TimeWindow,
  traffic: readonly VariantTraffic[],
  championVersion: number,
): Promise<CanaryWindow | undefined> {
  const canaryVersion = busiest(traffic.filter((t) => t.variant === 'canary'));
  if (canaryVersion === undefined) return undefined;
  const canary = traffic.find((t) => t.variant === 'canary' && t.version === canaryVersion);
  const champion = traffic.find((t) => t.variant === 'champion' && t.version === championVersion);
  if (canary === undefined || champion === undefined) return undefined;
  const bins = await predictionBinsByVersion(client, database, modelName, window.startMs, window.endMs, {
    champion: championVersion,
    canary: canaryVersion,
  });
  const predictionDistance =
    sum(bins.champion) > 0 && sum(bins.canary) > 0 ? jensenShannonDistance(bins.champion, bins.canary) : 0;
  return {
    canaryVersion,
    observation: { canary: health(canary), champion: health(champion), predictionDistance },
  };
}

function health(traffic: VariantTraffic): DeploymentHealth {
  return {
    requests: traffic.requests,
    errorRate: traffic.requests > 0 ? traffic.errors / traffic.requests : 0,
    p99LatencyMs: traffic.p99LatencyMs,
  };
}

function busiest(traffic: readonly VariantTraffic[]): number | undefined {
  let best: VariantTraffic | undefined;
  for (const t of traffic) if (best === undefined || t.requests > best.requests) best = t;
  return best?.version;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
