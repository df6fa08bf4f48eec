import type { LoggedModel } from '../domain/logged-model';
import { jsonDouble, nonEmpty } from './mlflow-json';

/** A logged model as MLflow's server writes it: `{ info, data }`, unset fields left out. */
export function loggedModelJson(model: LoggedModel) {
  return {
    info: {
      model_id: model.modelId,
      experiment_id: model.experimentId,
      name: model.name,
      creation_timestamp_ms: model.creationTimestampMs,
      last_updated_timestamp_ms: model.lastUpdatedTimestampMs,
      artifact_uri: model.artifactLocation,
      status: model.status,
      ...(model.modelType !== null && { model_type: model.modelType }),
      ...(model.sourceRunId !== null && { source_run_id: model.sourceRunId }),
      ...nonEmpty('tags', model.tags),
    },
    data: {
      ...nonEmpty('params', model.params),
      ...nonEmpty(
        'metrics',
        model.metrics.map((metric) => ({
          key: metric.key,
          value: jsonDouble(metric.value),
          timestamp: metric.timestamp,
          step: metric.step,
          ...(metric.datasetName !== '' && { dataset_name: metric.datasetName }),
          ...(metric.datasetDigest !== '' && { dataset_digest: metric.datasetDigest }),
          model_id: model.modelId,
          run_id: metric.runId,
        })),
      ),
    },
  };
}
