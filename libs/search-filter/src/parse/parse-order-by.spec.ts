import type { OrderBy } from '../ast';
import { EXPERIMENTS_SCHEMA } from '../schema/experiments';
import { MODEL_VERSIONS_SCHEMA } from '../schema/model-versions';
import { REGISTERED_MODELS_SCHEMA } from '../schema/registered-models';
import { RUNS_SCHEMA } from '../schema/runs';
import { completeOrderBy, parseOrderBy } from './parse-order-by';

const attribute = (key: string, direction: OrderBy['direction']): OrderBy => ({
  entity: 'attribute',
  key,
  direction,
});

describe('parseOrderBy', () => {
  it.each<[string, OrderBy]>([
    ['metrics.rmse DESC', { entity: 'metric', key: 'rmse', direction: 'DESC' }],
    ['metrics.`f1 score`', { entity: 'metric', key: 'f1 score', direction: 'ASC' }],
    ['params.model asc', { entity: 'param', key: 'model', direction: 'ASC' }],
    ['tags.mlflow.user desc', { entity: 'tag', key: 'mlflow.user', direction: 'DESC' }],
    ['attributes.start_time ASC', attribute('start_time', 'ASC')],
    ['start_time', attribute('start_time', 'ASC')],
    ['created DESC', attribute('start_time', 'DESC')],
    ['  end_time   Desc  ', attribute('end_time', 'DESC')],
  ])('reads the runs clause %p', (clause, expected) => {
    expect(parseOrderBy([clause], RUNS_SCHEMA)).toEqual({ ok: true, value: [expected] });
  });

  it('keeps the requested clauses in order', () => {
    expect(parseOrderBy(['metrics.a DESC', 'params.b'], RUNS_SCHEMA)).toMatchObject({
      ok: true,
      value: [{ key: 'a' }, { key: 'b' }],
    });
  });

  it.each<[string[], string, string, number]>([
    [
      ['metrics.a DESC', 'metrics.b DOWN'],
      'order_by[1]',
      "Invalid ordering key in order_by clause 'metrics.b DOWN'.",
      10,
    ],
    [
      ['metrics.a DESC extra'],
      'order_by[0]',
      "Invalid order_by clause 'metrics.a DESC extra'. Could not be parsed.",
      15,
    ],
    [[''], 'order_by[0]', "Invalid order_by clause ''. Could not be parsed.", 0],
    [["'metrics.a'"], 'order_by[0]', "Invalid order_by clause ''metrics.a''. Could not be parsed.", 0],
    [['metrics.a = 1'], 'order_by[0]', "Invalid order_by clause 'metrics.a = 1'. Could not be parsed.", 10],
    [['datasets.name'], 'order_by[0]', "Invalid order_by entity type 'dataset'", 0],
    [
      ['lifecycle_stage'],
      'order_by[0]',
      expect.stringContaining("Invalid attribute key 'lifecycle_stage'"),
      0,
    ],
    [['metrics.a ~'], 'order_by[0]', "Invalid order_by clause 'metrics.a ~'. Could not be parsed.", 10],
  ])('rejects %p', (clauses, field, message, position) => {
    expect(parseOrderBy(clauses, RUNS_SCHEMA)).toEqual({ ok: false, error: { field, message, position } });
  });

  it('allows only attribute keys for registry and experiment searches', () => {
    expect(parseOrderBy(['tags.team'], REGISTERED_MODELS_SCHEMA)).toMatchObject({
      ok: false,
      error: { message: "Invalid order_by entity type 'tag'" },
    });
    expect(parseOrderBy(['timestamp DESC'], REGISTERED_MODELS_SCHEMA)).toEqual({
      ok: true,
      value: [attribute('last_updated_timestamp', 'DESC')],
    });
    expect(parseOrderBy(['experiment_id'], EXPERIMENTS_SCHEMA)).toEqual({
      ok: true,
      value: [attribute('experiment_id', 'ASC')],
    });
    expect(parseOrderBy(['version_number DESC'], MODEL_VERSIONS_SCHEMA)).toEqual({
      ok: true,
      value: [attribute('version_number', 'DESC')],
    });
  });
});

describe('completeOrderBy', () => {
  it('orders runs newest first, then by run id, when nothing is requested (MLflow SQL store)', () => {
    expect(completeOrderBy([], RUNS_SCHEMA)).toEqual([
      attribute('start_time', 'DESC'),
      attribute('run_id', 'ASC'),
    ]);
  });

  it('appends only the tie-breakers the request does not already sort on', () => {
    const requested: OrderBy[] = [
      { entity: 'metric', key: 'rmse', direction: 'ASC' },
      attribute('start_time', 'ASC'),
    ];
    expect(completeOrderBy(requested, RUNS_SCHEMA)).toEqual([...requested, attribute('run_id', 'ASC')]);
  });

  it('uses the endpoint default ordering when nothing is requested', () => {
    expect(completeOrderBy([], EXPERIMENTS_SCHEMA)).toEqual([
      attribute('creation_time', 'DESC'),
      attribute('experiment_id', 'ASC'),
    ]);
    expect(completeOrderBy([], REGISTERED_MODELS_SCHEMA)).toEqual([attribute('name', 'ASC')]);
    expect(completeOrderBy([], MODEL_VERSIONS_SCHEMA)).toEqual([
      attribute('name', 'ASC'),
      attribute('version_number', 'DESC'),
    ]);
  });
});
