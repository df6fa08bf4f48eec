import type { ExpressionContext } from './evaluator';
import { parseCondition } from './condition';
import { renderTemplate, renderValue } from './render';
import { parseTemplate } from './template';

const context: ExpressionContext = {
  params: { epochs: 10, name: 'churn', empty: null },
  steps: { train: { status: 'succeeded', outputs: { metrics: { auc: 0.9 }, uri: 's3://m' } } },
};

describe('templates', () => {
  it('keeps the type of a value when the whole string is one placeholder', () => {
    expect(renderTemplate('${{ params.epochs }}', context)).toEqual({ ok: true, value: 10 });
    expect(renderTemplate('${{ steps.train.outputs.metrics }}', context)).toEqual({
      ok: true,
      value: { auc: 0.9 },
    });
  });

  it('writes values into surrounding text: numbers as written, null as empty, objects as JSON', () => {
    const text =
      'run ${{ params.name }} for ${{params.epochs}} epochs${{ params.empty }}: ${{ steps.train.outputs.metrics }}';
    expect(renderTemplate(text, context)).toEqual({
      ok: true,
      value: 'run churn for 10 epochs: {"auc":0.9}',
    });
  });

  it('leaves strings without placeholders untouched', () => {
    expect(renderTemplate('plain $ { text }}', context)).toEqual({ ok: true, value: 'plain $ { text }}' });
  });

  it("does not end a placeholder at '}}' inside a quoted string", () => {
    const template = parseTemplate("x${{ params.name == 'a}}b' }}y");
    expect(template.ok && template.value.parts.map((part) => part.kind)).toEqual([
      'text',
      'expression',
      'text',
    ]);
  });

  it('renders every string inside nested inputs', () => {
    const value = {
      uri: '${{ steps.train.outputs.uri }}',
      list: ['${{ params.epochs }}', 1],
      nested: { flag: true },
    };
    expect(renderValue(value, context)).toEqual({
      ok: true,
      value: { uri: 's3://m', list: [10, 1], nested: { flag: true } },
    });
  });

  it('reports errors with offsets into the whole template string', () => {
    expect(parseTemplate('ab ${{ params.x && 1 }}')).toEqual({
      ok: false,
      error: { message: "use 'and' instead of '&&'", offset: 16 },
    });
    expect(parseTemplate('ab ${{ params.x')).toEqual({
      ok: false,
      error: { message: "'${{' is not closed by '}}'", offset: 3 },
    });
    expect(renderTemplate('x ${{ params.nope }}', context)).toEqual({
      ok: false,
      error: { message: 'params.nope is not set', offset: 6 },
    });
  });
});

describe('parseCondition', () => {
  it('accepts a bare expression and one wrapped in ${{ }}', () => {
    expect(parseCondition('params.a == 1')).toMatchObject({ ok: true, value: { offset: 0 } });
    expect(parseCondition(' ${{ params.a == 1 }} ')).toMatchObject({
      ok: true,
      value: { offset: 4, expression: { kind: 'comparison' } },
    });
  });

  it('rejects placeholders mixed with other text', () => {
    expect(parseCondition('${{ params.a }} and ${{ params.b }}')).toEqual({
      ok: false,
      error: {
        message: 'a condition is one expression: write it without ${{ }} or wrap all of it',
        offset: 0,
      },
    });
  });
});
