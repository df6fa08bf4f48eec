import type { Value } from '../values';
import { evaluateExpression, type ExpressionContext } from './evaluator';
import { parseExpression } from './parser';

const context: ExpressionContext = {
  params: { min_auc: 0.8, model: 'churn', dry_run: false },
  steps: {
    train: { status: 'succeeded', outputs: { model_uri: 's3://m/1', epochs: 10 } },
    evaluate: { status: 'succeeded', outputs: { passed: true, metrics: { auc: 0.91, labels: ['a'] } } },
    deploy: { status: 'failed' },
  },
};

function evaluate(text: string): ReturnType<typeof evaluateExpression> {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return evaluateExpression(parsed.value, context);
}

describe('evaluateExpression', () => {
  it.each<[string, Value]>([
    ['steps.evaluate.outputs.metrics.auc >= params.min_auc', true],
    ['steps.evaluate.outputs.passed == true and not params.dry_run', true],
    ["steps.train.status == 'succeeded'", true],
    ["steps.deploy.status != 'succeeded'", true],
    ["params.model < 'dog'", true],
    ['steps.train.outputs.epochs > 10', false],
    ['steps.train.outputs.epochs <= 10', true],
    ["params.min_auc == '0.8'", false],
    ['params.dry_run == null', false],
    ['steps.train.outputs.model_uri', 's3://m/1'],
    ['steps.evaluate.outputs.metrics', { auc: 0.91, labels: ['a'] }],
    ['false or true', true],
  ])('%s is %j', (text, expected) => {
    expect(evaluate(text)).toEqual({ ok: true, value: expected });
  });

  it('short-circuits and/or, so a guarded reference to a missing output is safe', () => {
    expect(evaluate("steps.deploy.status == 'succeeded' and steps.deploy.outputs.id == 1")).toEqual({
      ok: true,
      value: false,
    });
    expect(evaluate("steps.deploy.status == 'failed' or steps.deploy.outputs.id == 1")).toEqual({
      ok: true,
      value: true,
    });
  });

  it.each([
    ['params.missing', 'params.missing is not set', 0],
    ['steps.nope.status', "steps.nope.status: there is no step 'nope'", 0],
    ['steps.deploy.outputs.id', 'steps.deploy.outputs.id is not available (step deploy is failed)', 0],
    [
      'steps.evaluate.outputs.metrics.f1',
      "steps.evaluate.outputs.metrics.f1: an object has no field 'f1'",
      0,
    ],
    [
      'steps.train.outputs.model_uri.x',
      "steps.train.outputs.model_uri.x: the string 's3://m/1' has no field 'x'",
      0,
    ],
    [
      "params.min_auc > 'a'",
      "'>' needs two numbers or two strings, got the number 0.8 and the string 'a'",
      0,
    ],
    ['true < false', "'<' needs two numbers or two strings, got the boolean true and the boolean false", 0],
    ['steps.evaluate.outputs.metrics == 1', "'==' compares scalars, got an object and the number 1", 0],
    ['not params.model', "'not' needs true or false, got the string 'churn'", 4],
    ['true and 1', "'and' needs true or false, got the number 1", 9],
  ])('%s fails: %s', (text, message, offset) => {
    expect(evaluate(text)).toEqual({ ok: false, error: { message, offset } });
  });

  it('never reads inherited properties as parameters or steps', () => {
    expect(evaluate('params.constructor')).toMatchObject({ ok: false });
    expect(evaluate('steps.toString.status')).toMatchObject({ ok: false });
  });
});
