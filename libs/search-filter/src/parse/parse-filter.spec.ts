import type { Comparison } from '../ast';
import { RUNS_SCHEMA } from '../schema/runs';
import { parseFilter } from './parse-filter';

const runs = (text: string) => parseFilter(text, RUNS_SCHEMA);
const term = (
  entity: Comparison['entity'],
  key: string,
  comparator: Comparison['comparator'],
  value: Comparison['value'],
) => ({ kind: 'comparison', entity, key, comparator, value }) as const;

describe('parseFilter for runs: examples from MLflow documentation', () => {
  it.each<[string, Comparison[]]>([
    ['metrics.accuracy > 0.92', [term('metric', 'accuracy', '>', 0.92)]],
    [
      'params.model = "LogisticRegression" and params.lambda = "0.001" and metrics.error <= 0.05',
      [
        term('param', 'model', '=', 'LogisticRegression'),
        term('param', 'lambda', '=', '0.001'),
        term('metric', 'error', '<=', 0.05),
      ],
    ],
    ['attributes.status = "FAILED"', [term('attribute', 'status', '=', 'FAILED')]],
    ['metrics."accuracy" > 0.72', [term('metric', 'accuracy', '>', 0.72)]],
    ['metrics.`log-scale-loss` <= 0', [term('metric', 'log-scale-loss', '<=', 0)]],
    ['metrics.`f1 score` >= 0.5', [term('metric', 'f1 score', '>=', 0.5)]],
    ['metrics.accuracy != 0.15', [term('metric', 'accuracy', '!=', 0.15)]],
    ['params.batch_size = "2"', [term('param', 'batch_size', '=', '2')]],
    ['params.model LIKE "GPT%"', [term('param', 'model', 'LIKE', 'GPT%')]],
    ['params.model ILIKE "gPt%"', [term('param', 'model', 'ILIKE', 'gPt%')]],
    ['tags."environment" = "notebook"', [term('tag', 'environment', '=', 'notebook')]],
    ['tags.task ILIKE "classif%"', [term('tag', 'task', 'ILIKE', 'classif%')]],
    ['datasets.name LIKE "custom"', [term('dataset', 'name', 'LIKE', 'custom')]],
    [
      "datasets.digest IN ('s8ds293b', 'jks834s2')",
      [term('dataset', 'digest', 'IN', ['s8ds293b', 'jks834s2'])],
    ],
    ['datasets.context = "train"', [term('dataset', 'context', '=', 'train')]],
    ['attributes.user_id LIKE "user1"', [term('attribute', 'user_id', 'LIKE', 'user1')]],
    ['attributes.run_name = "my-run"', [term('attribute', 'run_name', '=', 'my-run')]],
    [
      "attributes.run_id IN ('a1b2c3d4', 'e5f6g7h8')",
      [term('attribute', 'run_id', 'IN', ['a1b2c3d4', 'e5f6g7h8'])],
    ],
    ['attributes.start_time >= 1664067852747', [term('attribute', 'start_time', '>=', 1664067852747)]],
    ['attributes.end_time < 1664067852747', [term('attribute', 'end_time', '<', 1664067852747)]],
    ['attributes.created > 1664067852747', [term('attribute', 'start_time', '>', 1664067852747)]],
    [
      'metrics.loss <= 0.15 AND metrics.loss >= 0.1',
      [term('metric', 'loss', '<=', 0.15), term('metric', 'loss', '>=', 0.1)],
    ],
    ['params.batch_size != "None"', [term('param', 'batch_size', '!=', 'None')]],
  ])('%s', (text, expected) => {
    expect(runs(text)).toEqual({ ok: true, value: expected });
  });
});

describe('parseFilter for runs: the tracking issue example and other accepted forms', () => {
  it('parses the four-entity conjunction from the tracking issue', () => {
    const text =
      "metrics.rmse < 0.5 and params.model = 'xgb' and tags.team = 'risk' and attributes.status = 'FINISHED'";
    expect(runs(text)).toEqual({
      ok: true,
      value: [
        term('metric', 'rmse', '<', 0.5),
        term('param', 'model', '=', 'xgb'),
        term('tag', 'team', '=', 'risk'),
        term('attribute', 'status', '=', 'FINISHED'),
      ],
    });
  });

  it.each<[string, Comparison]>([
    ["tags.mlflow.source.name = 'train.py'", term('tag', 'mlflow.source.name', '=', 'train.py')],
    ["`tags`.team = 'risk'", term('tag', 'team', '=', 'risk')],
    ['metric.rmse < -1.5e-3', term('metric', 'rmse', '<', -0.0015)],
    ["param.model = 'x'", term('param', 'model', '=', 'x')],
    ["parameters.model = 'x'", term('param', 'model', '=', 'x')],
    ["tag.team = 'x'", term('tag', 'team', '=', 'x')],
    ["attribute.status = 'x'", term('attribute', 'status', '=', 'x')],
    ["attr.status = 'x'", term('attribute', 'status', '=', 'x')],
    ["run.status = 'x'", term('attribute', 'status', '=', 'x')],
    ["dataset.name = 'x'", term('dataset', 'name', '=', 'x')],
    ["status = 'RUNNING'", term('attribute', 'status', '=', 'RUNNING')],
    ["`Run Name` = 'nightly'", term('attribute', 'run_name', '=', 'nightly')],
    ["attributes.`run name` = 'nightly'", term('attribute', 'run_name', '=', 'nightly')],
    ['Created > 5', term('attribute', 'start_time', '>', 5)],
    ["params.model like 'x%'", term('param', 'model', 'LIKE', 'x%')],
    ["run_id not in ('a')", term('attribute', 'run_id', 'NOT IN', ['a'])],
    ["tags.note = 'it''s'", term('tag', 'note', '=', "it's")],
    ["tags.`odd``key` = ''", term('tag', 'odd`key', '=', '')],
    ['tags."a.b" = \'x\'', term('tag', 'a.b', '=', 'x')],
  ])('%s', (text, expected) => {
    expect(runs(text)).toEqual({ ok: true, value: [expected] });
  });

  it('treats an empty or blank filter as no condition', () => {
    expect(runs('')).toEqual({ ok: true, value: [] });
    expect(runs('  \n\t ')).toEqual({ ok: true, value: [] });
  });

  it('accepts newlines and tabs between tokens', () => {
    expect(runs("metrics.a > 1\nAND\ttags.b = 'c'")).toMatchObject({
      ok: true,
      value: [{ key: 'a' }, { key: 'b' }],
    });
  });
});

describe('parseFilter for runs: rejected filters name the problem and where it starts', () => {
  it.each<[string, string, number]>([
    ['metrics.rmse ~ 0.5', "Invalid comparator '~' not one of '{'=', '!=', '<', '<=', '>', '>='}'", 13],
    ["params.model > 'x'", "Invalid comparator '>' not one of '{'=', '!=', 'LIKE', 'ILIKE'}'", 13],
    ['metrics.rmse LIKE 0.5', "Invalid comparator 'LIKE' not one of '{'=', '!=', '<', '<=', '>', '>='}'", 13],
    ['metrics.rmse <> 0.5', "Invalid comparator '<>' not one of '{'=', '!=', '<', '<=', '>', '>='}'", 13],
    [
      "attributes.start_time LIKE '1'",
      "Invalid comparator 'LIKE' not one of '{'=', '!=', '<', '<=', '>', '>='}'",
      22,
    ],
    [
      "foo.bar = 'x'",
      "Invalid entity type 'foo'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']",
      0,
    ],
    [
      'Metrics.rmse = 1',
      "Invalid entity type 'Metrics'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']",
      0,
    ],
    [
      "attributes.lifecycle_stage = 'active'",
      "Invalid attribute key 'lifecycle_stage' specified. Valid keys are " +
        "'{'run_id', 'run_name', 'status', 'user_id', 'artifact_uri', 'start_time', 'end_time'}'",
      0,
    ],
    [
      "datasets.schema = 'x'",
      "Invalid dataset key 'schema' specified. Valid keys are '{'name', 'digest', 'context'}'",
      0,
    ],
    ["metrics.rmse < '0.5'", "Expected numeric value type for metric. Found '0.5'", 15],
    [
      'params.batch_size = 2',
      "Expected a quoted string value for parameter (e.g. 'my-value'). Got value 2",
      20,
    ],
    ['tags.team = risk', "Expected a quoted string value for tag (e.g. 'my-value'). Got value risk", 12],
    ['tags.team = `risk`', "Expected a quoted string value for tag (e.g. 'my-value'). Got value `risk`", 12],
    ['attributes.status = 1', 'Expected a quoted string value for attributes. Got value 1', 20],
    ['datasets.name = 1', 'Expected a quoted string value for dataset attributes. Got value 1', 16],
    [
      "attributes.start_time > '1'",
      "Expected numeric value type for numeric attribute: start_time. Found '1'",
      24,
    ],
    [
      'attributes.start_time > 1.5',
      'Expected an integer value for numeric attribute: start_time. Found 1.5',
      24,
    ],
    [
      "attributes.status IN ('A')",
      "Only the 'run_id' attribute supports comparison with a list of quoted string values.",
      18,
    ],
    [
      'run_id IN ()',
      'While parsing a list in the query, expected a non-empty list of string values, but got empty list',
      11,
    ],
    [
      'run_id IN ("a")',
      'While parsing a list in the query, expected string value, punctuation, or whitespace, but got different type in list: "a"',
      11,
    ],
    [
      "run_id IN ('a' 'b')",
      'While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list.',
      15,
    ],
    [
      "run_id IN ('a',)",
      'While parsing a list in the query, expected string value, punctuation, or whitespace, but got different type in list: )',
      15,
    ],
    ["run_id IN 'a'", "Expected a list of quoted string values after IN, e.g. ('a', 'b'). Got value 'a'", 10],
    ["run_id = ('a')", "A list of values needs IN or NOT IN, not '='", 9],
    ["run_id NOT LIKE 'a'", "Invalid comparator 'NOT LIKE'. Did you mean NOT IN?", 7],
    [
      "metrics.a > 1 OR params.b = 'c'",
      "Invalid clause(s) in filter string: 'OR params.b = 'c''. OR is not supported: a search filter is comparisons joined by AND",
      14,
    ],
    [
      "metrics.a > 1 params.b = 'c'",
      "Invalid clause(s) in filter string: 'params.b = 'c''. Expected AND between comparisons",
      14,
    ],
    [
      'metrics.a > 1 AND',
      "Invalid comparison clause. Expected 'Identifier' found 'the end of the input'",
      17,
    ],
    ["(metrics.a > 1 AND tags.b = 'c')", "Invalid comparison clause. Expected 'Identifier' found '('", 0],
    ['metrics.a', "Invalid comparison clause. Expected comparison found 'the end of the input'", 9],
    ['metrics.a > ', 'Expected numeric value type for metric. Found the end of the input', 12],
    ['0.5 < metrics.a', "Invalid comparison clause. Expected 'Identifier' found '0.5'", 0],
    ['metrics.`` = 1', "Invalid identifier 'metrics.``': the key is empty", 0],
    [
      "tags.`a`.b = 'x'",
      "Invalid identifier 'tags.`a`.b'. A quoted key must be the whole key, e.g. tags.`a.b`",
      0,
    ],
    ["constructor = 'x'", expect.stringContaining("Invalid attribute key 'constructor'"), 0],
    ["toString.x = 'x'", expect.stringContaining("Invalid entity type 'toString'"), 0],
  ])('%s', (text, message, position) => {
    expect(runs(text)).toEqual({ ok: false, error: { field: 'filter', message, position } });
  });

  it('shortens long user text quoted in a message', () => {
    const result = runs(`tags.a = 'b' ${'x'.repeat(500)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThan(200);
  });

  it('rejects a filter longer than the limit before tokenizing it', () => {
    const result = runs(`tags.a = '${'x'.repeat(200_001)}'`);
    expect(result).toMatchObject({
      ok: false,
      error: { message: 'Filter is longer than 200000 characters' },
    });
  });
});
