import type { KeyValue } from '../domain/key-value';
import { RUN_NAME_TAG } from '../domain/run';
import { invalidArgument } from '../domain/tracking-error';
import { validateRunData } from '../domain/validation/run-data';
import { randomRunName } from './random-run-name';

/** What CreateRun received. */
export interface NewRun {
  /** Empty or absent: the default experiment "0". */
  experimentId?: string;
  userId: string;
  /** Epoch milliseconds; absent: now. */
  startTime?: number;
  runName?: string;
  tags: KeyValue[];
}

/**
 * The run's name and initial tags, as MLflow settles them: the `run_name` field and the
 * `mlflow.runName` tag must agree when both are given; with neither a name is generated; the
 * tag always ends up holding the name.
 */
export function initialNameAndTags(run: NewRun): { runName: string; tags: KeyValue[] } {
  const { tags } = validateRunData({ metrics: [], params: [], tags: run.tags });
  const tagName = tags.findLast((tag) => tag.key === RUN_NAME_TAG)?.value;
  if (run.runName && tagName && run.runName !== tagName) {
    throw invalidArgument(
      `Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='${run.runName}', mlflow.runName='${tagName}').`,
    );
  }
  const runName = run.runName || tagName || randomRunName();
  return { runName, tags: tagName ? tags : [...tags, { key: RUN_NAME_TAG, value: runName }] };
}
