import type { LifecycleStage } from './lifecycle';
import type { KeyValue } from './key-value';

/** A named group of runs. Ids are decimal strings; "0" is the default experiment "Default". */
export interface Experiment {
  experimentId: string;
  name: string;
  /** `mlflow-artifacts:/<experiment_id>`: runs store their artifacts under it. */
  artifactLocation: string;
  lifecycleStage: LifecycleStage;
  /** Epoch milliseconds. */
  creationTime: number;
  lastUpdateTime: number;
  tags: KeyValue[];
}

export const DEFAULT_EXPERIMENT_ID = '0';
