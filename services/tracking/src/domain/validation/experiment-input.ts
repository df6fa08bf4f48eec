import type { KeyValue } from '../key-value';
import { invalidArgument } from '../tracking-error';
import { checkEntityKey, checkMaxLength } from './entity-names';

export const MAX_EXPERIMENT_NAME_LENGTH = 500;
export const MAX_EXPERIMENT_TAG_KEY_LENGTH = 250;
export const MAX_EXPERIMENT_TAG_VALUE_LENGTH = 20_000;

/** A non-empty experiment name of at most 500 characters. */
export function checkExperimentName(name: string, field = 'name'): void {
  if (name === '') throw invalidArgument(`Invalid experiment name: '${name}'`);
  checkMaxLength(name, MAX_EXPERIMENT_NAME_LENGTH, field);
}

export function checkExperimentTag(tag: KeyValue, path = 'key'): void {
  checkEntityKey(tag.key, path, 'key');
  checkMaxLength(tag.key, MAX_EXPERIMENT_TAG_KEY_LENGTH, 'key');
  checkMaxLength(tag.value, MAX_EXPERIMENT_TAG_VALUE_LENGTH, 'value');
}

/**
 * Experiment ids are decimal integers; anything else is refused up front (as MLflow's SQL store
 * does) instead of reading as an unknown experiment.
 */
export function parseExperimentId(experimentId: string): bigint {
  if (!/^\d{1,18}$/.test(experimentId)) throw invalidArgument(`Invalid experiment ID: '${experimentId}'`);
  return BigInt(experimentId);
}
