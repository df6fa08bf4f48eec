import type { Expression } from './ast';
import { parseExpression } from './parser';

/** The AST without positions, for readable expectations. */
function shape(expression: Expression): unknown {
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'reference':
      return expression.reference;
    case 'not':
      return { not: shape(expression.operand) };
    case 'logical':
    case 'comparison':
      return [shape(expression.left), expression.operator, shape(expression.right)];
  }
}

function parsed(text: string): unknown {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.error.message}`);
  return shape(result.value);
}

describe('parseExpression', () => {
  it.each([
    ['42', 42],
    ['-1.5e3', -1500],
    ["'it\\'s'", "it's"],
    ['"a\\nb"', 'a\nb'],
    ['true', true],
    ['null', null],
    ['params.min_auc', { type: 'param', name: 'min_auc' }],
    ['steps.validate-data.status', { type: 'status', step: 'validate-data' }],
    ['steps.train.outputs.model_uri', { type: 'output', step: 'train', key: 'model_uri', fields: [] }],
    [
      'steps.evaluate.outputs.metrics.auc',
      { type: 'output', step: 'evaluate', key: 'metrics', fields: ['auc'] },
    ],
    ['params.and', { type: 'param', name: 'and' }],
    ['params.x >= 0.8', [{ type: 'param', name: 'x' }, '>=', 0.8]],
  ])('parses %s', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it('binds not tighter than and, and tighter than or', () => {
    expect(parsed('not true and false or true')).toEqual([[{ not: true }, 'and', false], 'or', true]);
  });

  it('groups and/or from the left and honours parentheses', () => {
    expect(parsed('true or false or true')).toEqual([[true, 'or', false], 'or', true]);
    expect(parsed('true and (false or true)')).toEqual([true, 'and', [false, 'or', true]]);
  });

  it('records the span of each node in the text', () => {
    const result = parseExpression('  params.a == 1');
    expect(result).toMatchObject({
      ok: true,
      value: { start: 2, end: 15, left: { start: 2, end: 10 }, right: { start: 14, end: 15 } },
    });
  });

  it.each([
    ['', 'empty expression', 0],
    ['params.a && true', "use 'and' instead of '&&'", 9],
    ['params.a || true', "use 'or' instead of '||'", 9],
    ['!true', "use 'not' instead of '!'", 0],
    ['params.a = 1', "use '==' to compare", 9],
    ["'open", 'unterminated string', 0],
    ["'bad \\q'", "unknown escape '\\q' in string", 5],
    ['12abc', "invalid number '12a'", 0],
    ['1e999', "number '1e999' is too large", 0],
    ['1 < 2 < 3', "comparisons cannot be chained; join them with 'and'", 6],
    ['(true', "missing ')'", 5],
    ['true)', "unexpected ')' after a complete expression", 4],
    ['true and', 'expected a value, got the end of the expression', 8],
    ['and true', "expected a value, got 'and'", 0],
    [
      'succeeded',
      "unknown name 'succeeded'; quote text ('succeeded') or reference steps.<name> or params.<name>",
      0,
    ],
    ['env.HOME', "unknown reference 'env.HOME'; references start with 'steps.' or 'params.'", 0],
    ['params', 'expected params.<name>', 0],
    ['params.a.b', "'params.a.b': a parameter has no fields", 9],
    ['steps', 'expected steps.<name>.outputs.<key> or steps.<name>.status', 0],
    ['steps.train', "'steps.train': expected steps.train.outputs.<key> or steps.train.status", 0],
    [
      'steps.train.outputs',
      "'steps.train.outputs': expected steps.train.outputs.<key> or steps.train.status",
      0,
    ],
    [
      'steps.train.status.x',
      "'steps.train.status.x': expected steps.train.outputs.<key> or steps.train.status",
      0,
    ],
    ['params.', "expected a name after '.'", 7],
    ['1 # 2', "unexpected character '#'", 2],
    ['1 - 2', "unexpected character '-'", 2],
  ])('rejects %j: %s at %d', (text, message, offset) => {
    expect(parseExpression(text)).toEqual({ ok: false, error: { message, offset } });
  });

  it('refuses nesting deeper than 32 levels instead of recursing without bound', () => {
    expect(parsed(`${'('.repeat(31)}true${')'.repeat(31)}`)).toBe(true);
    const deep = parseExpression(`${'not '.repeat(40)}true`);
    expect(deep).toEqual({
      ok: false,
      error: { message: 'expression nests deeper than 32 levels', offset: 128 },
    });
  });

  it('refuses expressions longer than 4096 characters', () => {
    expect(parseExpression(`params.a == '${'x'.repeat(5000)}'`)).toMatchObject({
      ok: false,
      error: { offset: 0 },
    });
  });
});
