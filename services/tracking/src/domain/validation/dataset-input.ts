import type { DatasetInput } from '../run';
import { invalidArgument } from '../tracking-error';
import { checkMaxLength } from './entity-names';

/** MLflow's limits on logged datasets (its SQL column sizes). */
export const DATASET_LIMITS = Object.freeze({
  datasets: 1000,
  name: 500,
  digest: 36,
  schema: 1_048_575,
  source: 65_535,
  profile: 16_777_215,
  tagKey: 255,
  tagValue: 500,
});

/** Checks a log-inputs request: count, required fields and sizes, each named by its path. */
export function validateDatasetInputs(inputs: readonly DatasetInput[]): void {
  if (inputs.length > DATASET_LIMITS.datasets) {
    throw invalidArgument(
      `A batch logging request can contain at most ${DATASET_LIMITS.datasets} datasets. Got ${inputs.length} datasets.`,
    );
  }
  inputs.forEach(({ dataset, tags }, index) => {
    const at = (field: string) => `datasets[${index}].${field}`;
    for (const field of ['name', 'digest', 'sourceType', 'source'] as const) {
      if (dataset[field] === '')
        throw invalidArgument(`Missing value for required parameter '${at(`dataset.${snake(field)}`)}'.`);
    }
    checkMaxLength(dataset.name, DATASET_LIMITS.name, at('dataset.name'));
    checkMaxLength(dataset.digest, DATASET_LIMITS.digest, at('dataset.digest'));
    checkMaxLength(dataset.source, DATASET_LIMITS.source, at('dataset.source'));
    checkMaxLength(dataset.schema ?? '', DATASET_LIMITS.schema, at('dataset.schema'));
    checkMaxLength(dataset.profile ?? '', DATASET_LIMITS.profile, at('dataset.profile'));
    tags.forEach((tag, tagIndex) => {
      if (tag.key === '')
        throw invalidArgument(`Missing value for required parameter '${at(`tags[${tagIndex}].key`)}'.`);
      checkMaxLength(tag.key, DATASET_LIMITS.tagKey, at(`tags[${tagIndex}].key`));
      checkMaxLength(tag.value, DATASET_LIMITS.tagValue, at(`tags[${tagIndex}].value`));
    });
  });
}

function snake(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
