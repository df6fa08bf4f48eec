import { z } from 'zod';
import { METRIC_DIRECTIONS } from './gate-config';

/** Schemas of the file form's parts (snake_case, as practitioners write YAML); composed in parse-gate-config. */
export const TOP_LEVEL_KEYS = ['version', 'metrics', 'latency', 'slices', 'on_missing_champion'] as const;

export const versionSchema = z.union([z.string().trim().min(1), z.number().int().positive()], {
  error: 'must be a non-empty string or a positive integer',
});

export const compactThresholdSchema = z.number();

export const explicitMetricSchema = z.strictObject({
  direction: z.enum(METRIC_DIRECTIONS),
  min: z.number().optional(),
  max: z.number().optional(),
  min_delta_vs_champion: z.number().optional(),
});
export type ExplicitMetricEntry = z.infer<typeof explicitMetricSchema>;

/** Latency percentile keys such as `p95_ms` or `p99_9_ms`, mapped to metric `latency_<key>`. */
export const latencyKeySchema = z.string().regex(/^p\d+(_\d+)?_ms$/, 'must look like p95_ms or p99_9_ms');
export const latencyLimitSchema = z.number().positive();

export const sliceGateSchema = z.strictObject({
  metric: z.string().min(1),
  max_disparity: z.number().nonnegative(),
});
export type SliceGateEntry = z.infer<typeof sliceGateSchema>;

export const missingChampionSchema = z.enum(['skip', 'fail']);
