import type { FastifyRequest } from 'fastify';
import {
  loggedModelOrderBy,
  loggedModelStatusOf,
  modelOutputsOf,
  refuseDatasetScopes,
} from './logged-model-inputs';
import { MlflowRequest } from './mlflow-request';

const post = (body: unknown) => MlflowRequest.of({ method: 'POST', body } as FastifyRequest);

describe('logged model request fields', () => {
  it('reads the finalize status by value name or enum number, and refuses it missing or UNSPECIFIED', () => {
    expect(loggedModelStatusOf(post({ status: 'LOGGED_MODEL_READY' }))).toBe('LOGGED_MODEL_READY');
    expect(loggedModelStatusOf(post({ status: 3 }))).toBe('LOGGED_MODEL_UPLOAD_FAILED');
    expect(() => loggedModelStatusOf(post({}))).toThrow("Missing value for required parameter 'status'");
    expect(() => loggedModelStatusOf(post({ status: 'LOGGED_MODEL_STATUS_UNSPECIFIED' }))).toThrow(
      "parameter 'status'",
    );
  });

  it('turns structured order_by into clauses of the grammar, ascending unless ascending is false', () => {
    const request = post({
      order_by: [{ field_name: 'name' }, { field_name: 'creation_timestamp', ascending: false }],
    });
    expect(loggedModelOrderBy(request)).toEqual(['name ASC', 'creation_timestamp DESC']);
    expect(() => loggedModelOrderBy(post({ order_by: [{ ascending: true }] }))).toThrow(
      "'order_by[0].field_name'",
    );
    expect(() => loggedModelOrderBy(post({ order_by: [{ field_name: 'name', ascending: 'no' }] }))).toThrow(
      "'order_by[0].ascending'",
    );
  });

  it('refuses dataset-scoped metric search instead of answering it unscoped', () => {
    expect(() => refuseDatasetScopes(post({ order_by: [{ field_name: 'metrics.acc' }] }))).not.toThrow();
    expect(() => refuseDatasetScopes(post({ datasets: [{ dataset_name: 'eval' }] }))).toThrow(
      'dataset-scoped',
    );
    expect(() =>
      refuseDatasetScopes(post({ order_by: [{ field_name: 'metrics.acc', dataset_name: 'eval' }] })),
    ).toThrow('dataset-scoped');
  });

  it('reads runs/outputs models with step 0 by default, and refuses an empty list', () => {
    expect(modelOutputsOf(post({ models: [{ model_id: 'm-1', step: '4' }, { model_id: 'm-2' }] }))).toEqual([
      { modelId: 'm-1', step: 4 },
      { modelId: 'm-2', step: 0 },
    ]);
    expect(() => modelOutputsOf(post({ models: [] }))).toThrow("'models'");
  });
});
