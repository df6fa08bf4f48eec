import type { LoggedModel } from '../domain/logged-model';
import { loggedModelJson } from './logged-model-json';

const model: LoggedModel = {
  modelId: 'm-0123456789abcdef0123456789abcdef',
  experimentId: '4',
  name: 'model',
  artifactLocation: 'mlflow-artifacts:/4/models/m-0123456789abcdef0123456789abcdef/artifacts',
  creationTimestampMs: 1_700_000_000_000,
  lastUpdatedTimestampMs: 1_700_000_000_500,
  modelType: null,
  status: 'LOGGED_MODEL_READY',
  lifecycleStage: 'active',
  sourceRunId: null,
  tags: [],
  params: [],
  metrics: [],
};

describe('loggedModelJson', () => {
  it("writes MLflow's LoggedModel {info, data}, leaving out unset fields and empty lists", () => {
    expect(loggedModelJson(model)).toEqual({
      info: {
        model_id: model.modelId,
        experiment_id: '4',
        name: 'model',
        creation_timestamp_ms: 1_700_000_000_000,
        last_updated_timestamp_ms: 1_700_000_000_500,
        artifact_uri: model.artifactLocation,
        status: 'LOGGED_MODEL_READY',
      },
      data: {},
    });
  });

  it('includes model type, source run, tags, params and metrics (dataset only when named) when set', () => {
    const json = loggedModelJson({
      ...model,
      modelType: 'sklearn',
      sourceRunId: 'abc',
      tags: [{ key: 't', value: '1' }],
      params: [{ key: 'p', value: '2' }],
      metrics: [
        {
          key: 'acc',
          value: NaN,
          timestamp: 5,
          step: 1,
          runId: 'abc',
          datasetName: 'eval',
          datasetDigest: 'd1',
        },
        { key: 'r2', value: 0.5, timestamp: 6, step: 0, runId: 'abc', datasetName: '', datasetDigest: '' },
      ],
    });
    expect(json.info).toMatchObject({
      model_type: 'sklearn',
      source_run_id: 'abc',
      tags: [{ key: 't', value: '1' }],
    });
    expect(json.data).toEqual({
      params: [{ key: 'p', value: '2' }],
      metrics: [
        {
          key: 'acc',
          value: 'NaN',
          timestamp: 5,
          step: 1,
          dataset_name: 'eval',
          dataset_digest: 'd1',
          model_id: model.modelId,
          run_id: 'abc',
        },
        { key: 'r2', value: 0.5, timestamp: 6, step: 0, model_id: model.modelId, run_id: 'abc' },
      ],
    });
  });
});
