import { randomUUID } from 'node:crypto';
import type { ClickHouseClient } from '@flywheel/clickhouse';
import { insertRows } from '@flywheel/clickhouse';
import { normal, seededRandom } from '@flywheel/testing';

export interface WindowTraffic {
  modelName: string;
  version: number;
  variant: 'champion' | 'canary' | 'unspecified';
  startMs: number;
  durationMs: number;
  rows: number;
  seed: number;
  /** Added to the mean of each named numeric feature (features x1, x2, x3 are N(0, 1) otherwise). */
  shift?: Partial<Record<'x1' | 'x2' | 'x3', number>>;
  errorRate?: number;
  latencyMs?: number;
}

/** inference_logs rows (contract 1) for one stretch of traffic, spread evenly over it. */
export function inferenceRows(traffic: WindowTraffic): object[] {
  const random = seededRandom(traffic.seed);
  const colors = ['red', 'green', 'blue'];
  return Array.from({ length: traffic.rows }, (_, i) => {
    const x1 = normal(random) + (traffic.shift?.x1 ?? 0);
    const x2 = normal(random) + (traffic.shift?.x2 ?? 0);
    const x3 = normal(random) + (traffic.shift?.x3 ?? 0);
    const score = 1 / (1 + Math.exp(-(x1 + x2) / 2));
    const failed = random() < (traffic.errorRate ?? 0);
    return {
      request_id: randomUUID(),
      model_name: traffic.modelName,
      model_version: traffic.version,
      variant: traffic.variant,
      timestamp: ((traffic.startMs + Math.floor((i * traffic.durationMs) / traffic.rows)) / 1000).toFixed(3),
      numeric_features: { x1, x2, x3 },
      categorical_features: { color: colors[Math.floor(random() * colors.length)] ?? 'red' },
      prediction_score: score,
      prediction_label: score >= 0.5 ? '1' : '0',
      raw_outputs: {},
      latency_ms: (traffic.latencyMs ?? 20) * (0.5 + random()),
      status: failed ? 'error' : 'ok',
      error: failed ? 'model failed' : '',
    };
  });
}

export async function logTraffic(
  client: ClickHouseClient,
  database: string,
  traffic: WindowTraffic,
): Promise<void> {
  await insertRows(client, `${database}.inference_logs`, inferenceRows(traffic));
}
