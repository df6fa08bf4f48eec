import { InferenceStatus, Variant, type InferenceLog } from '@flywheel/contracts';

const CATEGORIES = ['web', 'ios', 'android', 'partner', 'batch', 'kiosk', 'other'];

/**
 * An inference log of realistic shape: 20 numeric features, 5 categorical ones, a score and a
 * label, as the serving gateway logs them. `i` makes the request id and values deterministic.
 */
export function sampleLog(i: number, runId: string, overrides: Partial<InferenceLog> = {}): InferenceLog {
  const numericFeatures: Record<string, number> = {};
  for (let f = 0; f < 20; f++) numericFeatures[`num_${f}`] = ((i * 7919 + f * 104_729) % 10_000) / 100;
  const categoricalFeatures: Record<string, string> = {};
  for (let f = 0; f < 5; f++) categoricalFeatures[`cat_${f}`] = CATEGORIES[(i + f) % CATEGORIES.length] ?? 'other';
  const score = ((i * 31) % 1000) / 1000;
  return {
    requestId: `${runId}-${i}`,
    modelName: 'churn',
    modelVersion: 1 + (i % 2),
    variant: i % 10 === 0 ? Variant.CANARY : Variant.CHAMPION,
    timestampMs: Date.now(),
    numericFeatures,
    categoricalFeatures,
    prediction: { score, label: score > 0.5 ? 'churn' : 'stay', rawOutputs: { churn: score, stay: 1 - score } },
    latencyMs: 1 + (i % 13) / 10,
    status: InferenceStatus.OK,
    error: '',
    ...overrides,
  };
}
