import { parseExpression } from './parser';
import { typeCheck, type StaticType } from './type-check';

const params: Record<string, StaticType> = { min_auc: 'number', model: 'string', dry_run: 'boolean' };

function check(text: string, asCondition = true): Array<{ message: string; offset: number }> {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return typeCheck(parsed.value, (name) => params[name] ?? 'unknown', asCondition);
}

describe('typeCheck', () => {
  it.each([
    'steps.evaluate.outputs.auc >= params.min_auc',
    "steps.train.status == 'cached' or not params.dry_run",
    'steps.x.outputs.flag',
    'steps.x.outputs.count == null',
  ])('accepts %s', (text) => {
    expect(check(text)).toEqual([]);
  });

  it.each([
    [
      "params.min_auc > 'high'",
      "'>' needs two numbers or two strings, but compares a number with a string",
      0,
    ],
    [
      'params.dry_run < true',
      "'<' needs two numbers or two strings, but compares a boolean with a boolean",
      0,
    ],
    ["params.min_auc == '0.8'", "'==' compares a number with a string, which are never equal", 0],
    ['params.model and true', "'and' needs true or false, but this is a string", 0],
    ['not params.min_auc', "'not' needs true or false, but this is a number", 4],
    ['params.model', 'a condition must be true or false, but this is a string', 0],
    [
      "steps.train.status == 'sucess'",
      "steps.train.status is never 'sucess'; a status is one of pending, running, succeeded, failed, skipped, cached, cancelled",
      22,
    ],
  ])('reports %s', (text, message, offset) => {
    expect(check(text)).toEqual([{ message, offset }]);
  });

  it('only requires a boolean result for conditions', () => {
    expect(check('params.model', false)).toEqual([]);
  });
});
