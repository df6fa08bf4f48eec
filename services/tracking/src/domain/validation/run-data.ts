import type { KeyValue } from '../key-value';
import type { Metric } from '../run';
import { invalidArgument } from '../tracking-error';
import { checkEntityKey } from './entity-names';
import { fieldPath, invalidValue } from './messages';

/** MLflow truncates longer param and tag values on the server instead of refusing them. */
export const MAX_PARAM_VALUE_LENGTH = 6000;
export const MAX_TAG_VALUE_LENGTH = 8000;

/** What one log call writes to a run; log-metric, log-parameter and set-tag are batches of one. */
export interface RunDataBatch {
  metrics: Metric[];
  params: KeyValue[];
  tags: KeyValue[];
}

/**
 * Checks every key and metric value, truncates long values as MLflow does, and rejects a
 * batch naming one param key twice. `single` words paths as the one-item endpoints do (`key`
 * rather than `metrics[0].key`).
 */
export function validateRunData(batch: RunDataBatch, single = false): RunDataBatch {
  const at = (list: string, index: number) => (single ? '' : `${list}[${index}]`);
  // A batch usually repeats a few metric keys many times (one per step); check each key once.
  const checkedKeys = new Set<string>();
  batch.metrics.forEach((metric, index) => checkMetric(metric, at('metrics', index), checkedKeys));
  const params = batch.params.map((param, index) => {
    checkEntityKey(param.key, fieldPath(at('params', index), 'key'), 'Param key');
    return { key: param.key, value: param.value.slice(0, MAX_PARAM_VALUE_LENGTH) };
  });
  const tags = batch.tags.map((tag, index) => {
    const path = at('tags', index);
    checkEntityKey(tag.key, fieldPath(path, 'key'), fieldPath(path, 'key'));
    return { key: tag.key, value: tag.value.slice(0, MAX_TAG_VALUE_LENGTH) };
  });
  rejectDuplicateParamKeys(params);
  return { metrics: batch.metrics, params, tags };
}

function checkMetric(metric: Metric, path: string, checkedKeys: Set<string>): void {
  if (!checkedKeys.has(metric.key)) {
    checkEntityKey(metric.key, fieldPath(path, 'name'), 'Metric name');
    checkedKeys.add(metric.key);
  }
  if (!Number.isSafeInteger(metric.timestamp) || metric.timestamp < 0) {
    throw invalidArgument(
      invalidValue(
        fieldPath(path, 'timestamp'),
        metric.timestamp,
        `metric '${metric.key}' (value=${metric.value}). Timestamp must be a nonnegative long (64-bit integer) `,
      ),
    );
  }
  if (!Number.isSafeInteger(metric.step)) {
    throw invalidArgument(
      invalidValue(
        fieldPath(path, 'step'),
        metric.step,
        `metric '${metric.key}' (value=${metric.value}). Step must be a valid long (64-bit integer).`,
      ),
    );
  }
}

function rejectDuplicateParamKeys(params: readonly KeyValue[]): void {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const { key } of params) {
    if (seen.has(key)) duplicates.push(key);
    seen.add(key);
  }
  if (duplicates.length > 0) {
    throw invalidArgument(
      `Duplicate parameter keys have been submitted: ${JSON.stringify(duplicates)}. Please ensure the request contains only one param value per param key.`,
    );
  }
}
