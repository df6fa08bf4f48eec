import type { Run } from '../domain/run';
import { jsonDouble, runJson } from './mlflow-json';

describe('MLflow JSON', () => {
  it('writes NaN and infinities as proto3 JSON strings', () => {
    expect([Number.NaN, Infinity, -Infinity, 0.5].map(jsonDouble)).toEqual([
      'NaN',
      'Infinity',
      '-Infinity',
      0.5,
    ]);
  });

  it('writes a run as MLflow does: run_uuid beside run_id, no end_time while running, empty lists left out', () => {
    const run: Run = {
      info: {
        runId: 'r1',
        experimentId: '2',
        runName: 'n',
        userId: 'u',
        status: 'RUNNING',
        startTime: 10,
        endTime: null,
        artifactUri: 'mlflow-artifacts:/2/r1/artifacts',
        lifecycleStage: 'active',
      },
      metrics: [],
      params: [{ key: 'p', value: 'v' }],
      tags: [],
      inputs: [],
      outputs: [],
    };
    expect(runJson(run)).toEqual({
      info: {
        run_id: 'r1',
        run_uuid: 'r1',
        run_name: 'n',
        experiment_id: '2',
        user_id: 'u',
        status: 'RUNNING',
        start_time: 10,
        artifact_uri: 'mlflow-artifacts:/2/r1/artifacts',
        lifecycle_stage: 'active',
      },
      data: { params: [{ key: 'p', value: 'v' }] },
      inputs: {},
      outputs: {},
    });
  });
});
