import type { Comparison } from '../ast';
import { EXPERIMENTS_SCHEMA } from '../schema/experiments';
import { MODEL_VERSIONS_SCHEMA } from '../schema/model-versions';
import { REGISTERED_MODELS_SCHEMA } from '../schema/registered-models';
import { parseFilter } from './parse-filter';

const term = (
  entity: Comparison['entity'],
  key: string,
  comparator: Comparison['comparator'],
  value: Comparison['value'],
) => ({ kind: 'comparison', entity, key, comparator, value }) as const;

describe('parseFilter for registered models', () => {
  it.each<[string, Comparison[]]>([
    ["name LIKE 'churn%'", [term('attribute', 'name', 'LIKE', 'churn%')]],
    [
      "name = 'sk-learn-random-forest-reg-model'",
      [term('attribute', 'name', '=', 'sk-learn-random-forest-reg-model')],
    ],
    ["name ILIKE '%Fraud%'", [term('attribute', 'name', 'ILIKE', '%Fraud%')]],
    ["tags.k = 'v'", [term('tag', 'k', '=', 'v')]],
    ["tag.`team name` != 'risk'", [term('tag', 'team name', '!=', 'risk')]],
    [
      "attribute.name = 'x' AND tags.stage LIKE 'prod%'",
      [term('attribute', 'name', '=', 'x'), term('tag', 'stage', 'LIKE', 'prod%')],
    ],
  ])('%s', (text, expected) => {
    expect(parseFilter(text, REGISTERED_MODELS_SCHEMA)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string]>([
    ['metrics.auc > 1', "Invalid entity type 'metrics'. Valid values are ['attribute', 'tag', 'tags']"],
    [
      "attributes.name = 'x'",
      "Invalid entity type 'attributes'. Valid values are ['attribute', 'tag', 'tags']",
    ],
    ["run_id = 'abc'", "Invalid attribute key 'run_id' specified. Valid keys are '{'name'}'"],
    ["name IN ('a')", "Invalid comparator 'IN' not one of '{'=', '!=', 'LIKE', 'ILIKE'}'"],
    ["name > 'a'", "Invalid comparator '>' not one of '{'=', '!=', 'LIKE', 'ILIKE'}'"],
  ])('rejects %s', (text, message) => {
    expect(parseFilter(text, REGISTERED_MODELS_SCHEMA)).toMatchObject({ ok: false, error: { message } });
  });
});

describe('parseFilter for model versions', () => {
  it.each<[string, Comparison[]]>([
    [
      "name='x' and version='3'",
      [term('attribute', 'name', '=', 'x'), term('attribute', 'version_number', '=', 3)],
    ],
    [
      "name = 'x' AND version_number >= 2",
      [term('attribute', 'name', '=', 'x'), term('attribute', 'version_number', '>=', 2)],
    ],
    [
      "run_id = '5984a3488161440f92de9847e846b342'",
      [term('attribute', 'run_id', '=', '5984a3488161440f92de9847e846b342')],
    ],
    ["run_id IN ('a', 'b')", [term('attribute', 'run_id', 'IN', ['a', 'b'])]],
    ["source_path LIKE 's3://models/%'", [term('attribute', 'source_path', 'LIKE', 's3://models/%')]],
    ["tags.`mlflow.prompt.is_prompt` != 'true'", [term('tag', 'mlflow.prompt.is_prompt', '!=', 'true')]],
  ])('%s', (text, expected) => {
    expect(parseFilter(text, MODEL_VERSIONS_SCHEMA)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string]>([
    ["run_id NOT IN ('a')", "Invalid comparator 'NOT IN' not one of '{'=', '!=', 'LIKE', 'ILIKE', 'IN'}'"],
    ["name IN ('a')", "Only the 'run_id' attribute supports comparison with a list of quoted string values."],
    ["version = 'three'", "Expected numeric value type for numeric attribute: version_number. Found 'three'"],
    ["version = '3.5'", "Expected numeric value type for numeric attribute: version_number. Found '3.5'"],
    ["version LIKE '3'", "Invalid comparator 'LIKE' not one of '{'=', '!=', '<', '<=', '>', '>='}'"],
    [
      "current_stage = 'Production'",
      "Invalid attribute key 'current_stage' specified. Valid keys are '{'name', 'source_path', 'run_id', 'version_number'}'",
    ],
  ])('rejects %s', (text, message) => {
    expect(parseFilter(text, MODEL_VERSIONS_SCHEMA)).toMatchObject({ ok: false, error: { message } });
  });
});

describe('parseFilter for experiments', () => {
  it('parses name, time and tag comparisons', () => {
    expect(
      parseFilter(
        "name ILIKE 'my-experiment%' AND creation_time > 1000 AND tags.team = 'risk'",
        EXPERIMENTS_SCHEMA,
      ),
    ).toEqual({
      ok: true,
      value: [
        term('attribute', 'name', 'ILIKE', 'my-experiment%'),
        term('attribute', 'creation_time', '>', 1000),
        term('tag', 'team', '=', 'risk'),
      ],
    });
  });

  it('rejects run-only entities', () => {
    expect(parseFilter("params.a = 'b'", EXPERIMENTS_SCHEMA)).toMatchObject({
      ok: false,
      error: {
        message: "Invalid entity type 'params'. Valid values are ['attribute', 'tag', 'tags']",
        position: 0,
      },
    });
  });
});
