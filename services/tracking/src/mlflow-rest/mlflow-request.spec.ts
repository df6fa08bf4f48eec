import type { FastifyRequest } from 'fastify';
import { MlflowError } from './mlflow-error';
import { metricOf, runStatusOf } from './mlflow-inputs';
import { MlflowRequest } from './mlflow-request';
import { UnparsableBody } from './request-body';

const post = (body: unknown) => MlflowRequest.of({ method: 'POST', body } as FastifyRequest);
const get = (query: Record<string, string | string[]>) =>
  MlflowRequest.of({ method: 'GET', query } as FastifyRequest);

describe('MlflowRequest', () => {
  it('reads int64 fields given as numbers or decimal strings, as proto3 JSON allows', () => {
    expect(post({ start_time: 1_700_000_000_000 }).optionalInteger('start_time')).toBe(1_700_000_000_000);
    expect(post({ start_time: '1700000000000' }).optionalInteger('start_time')).toBe(1_700_000_000_000);
    expect(get({ max_results: '25' }).optionalInteger('max_results')).toBe(25);
  });

  it('reads doubles including the proto3 JSON spellings of NaN and infinities', () => {
    const metric = metricOf(post({ key: 'm', value: 'NaN', timestamp: 5 }));
    expect(metric.value).toBeNaN();
    expect(metricOf(post({ key: 'm', value: '-Infinity', timestamp: 5 })).value).toBe(-Infinity);
    expect(metricOf(post({ key: 'm', value: '0.25', timestamp: 5, step: 3 }))).toEqual({
      key: 'm',
      value: 0.25,
      timestamp: 5,
      step: 3,
    });
  });

  it('takes run_uuid when run_id is absent', () => {
    expect(post({ run_uuid: 'abc' }).runId()).toBe('abc');
    expect(post({ run_id: 'a', run_uuid: 'b' }).runId()).toBe('a');
  });

  it('reads repeated query parameters as lists, and a single one as a list of one', () => {
    expect(get({ run_ids: ['a', 'b'] }).stringList('run_ids')).toEqual(['a', 'b']);
    expect(get({ run_ids: 'a' }).stringList('run_ids')).toEqual(['a']);
  });

  it('reads enums by name or by MLflow proto number', () => {
    expect(runStatusOf(post({ status: 'FINISHED' }))).toBe('FINISHED');
    expect(runStatusOf(post({ status: 4 }))).toBe('FAILED');
    expect(runStatusOf(post({}))).toBeUndefined();
  });

  it("answers MLflow's messages for missing and mistyped fields, with the field's path", () => {
    const missing = () => metricOf(post({ key: 'm' }));
    expect(missing).toThrow("Missing value for required parameter 'value'. See the API docs");
    const nested = () =>
      post({ metrics: [{ key: 'm', value: 1 }] })
        .messages('metrics')
        .map(metricOf);
    expect(nested).toThrow("Missing value for required parameter 'metrics[0].timestamp'.");
    const mistyped = () => post({ run_id: 12 }).runId();
    expect(mistyped).toThrow(MlflowError);
    expect(mistyped).toThrow(
      "Invalid value 12 for parameter 'run_id' supplied. Hint: Value was of type 'int'.",
    );
  });

  it('refuses a body that is not a JSON object with BAD_REQUEST', () => {
    expect(() => post(new UnparsableBody('Unexpected token'))).toThrow(
      'Malformed JSON request body: Unexpected token',
    );
    expect(() => post([1, 2])).toThrow('The request body must be a JSON object');
  });
});
