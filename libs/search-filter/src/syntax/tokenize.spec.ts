import { SyntaxFailure } from './syntax-failure';
import { tokenize } from './tokenize';

function failureOf(input: string): SyntaxFailure {
  try {
    tokenize(input);
  } catch (error) {
    if (error instanceof SyntaxFailure) return error;
    throw error;
  }
  throw new Error(`expected ${input} to be rejected`);
}

describe('tokenize', () => {
  it('splits a comparison into name, operator, number and end tokens with their positions', () => {
    expect(tokenize('metrics.rmse <= 0.5')).toEqual([
      {
        kind: 'name',
        position: 0,
        raw: 'metrics.rmse',
        segments: [
          { text: 'metrics', quoting: 'bare' },
          { text: 'rmse', quoting: 'bare' },
        ],
      },
      { kind: 'operator', position: 13, raw: '<=' },
      { kind: 'number', position: 16, raw: '0.5', value: 0.5 },
      { kind: 'end', position: 19, raw: '' },
    ]);
  });

  it('reads backtick and double-quoted segments, keeping dots and spaces inside them', () => {
    const [name] = tokenize('tags.`mlflow.source name` "x y"');
    expect(name).toMatchObject({
      kind: 'name',
      segments: [
        { text: 'tags', quoting: 'bare' },
        { text: 'mlflow.source name', quoting: 'backtick' },
      ],
    });
    expect(tokenize('"x y"')[0]).toMatchObject({
      kind: 'name',
      segments: [{ text: 'x y', quoting: 'double' }],
    });
  });

  it('unescapes a doubled quote inside quoted text', () => {
    expect(tokenize("'it''s'")[0]).toMatchObject({ kind: 'string', value: "it's", raw: "'it''s'" });
    expect(tokenize('`a``b`')[0]).toMatchObject({ segments: [{ text: 'a`b', quoting: 'backtick' }] });
  });

  it('keeps a backslash as an ordinary character', () => {
    expect(tokenize("'C:\\dir\\'")[0]).toMatchObject({ kind: 'string', value: 'C:\\dir\\' });
  });

  it.each([
    ['42', 42],
    ['-1', -1],
    ['1.', 1],
    ['.5', 0.5],
    ['-.5', -0.5],
    ['1e-3', 0.001],
    ['2.5E+2', 250],
  ])('reads the number %s', (raw, value) => {
    expect(tokenize(raw)[0]).toMatchObject({ kind: 'number', value });
  });

  it('reads unicode letters in bare names', () => {
    expect(tokenize('tags.équipe_1')[0]).toMatchObject({
      segments: [{ text: 'tags' }, { text: 'équipe_1' }],
    });
  });

  it('reads runs of comparison characters as one operator token, valid or not', () => {
    expect(
      tokenize('a ~ 1 != 2 == 3 <> 4')
        .filter((t) => t.kind === 'operator')
        .map((t) => t.raw),
    ).toEqual(['~', '!=', '==', '<>']);
  });

  it.each([
    ["tags.x = 'open", "Unclosed ' quote starting at position 9", 9],
    ['metrics.`open', 'Unclosed ` quote starting at position 8', 8],
    ['a ; b', "Unexpected character ';'", 2],
    ['1st', "Invalid number '1st'", 0],
    ['1e999', "Number '1e999' is out of range", 0],
    ['metrics. rmse', "Invalid identifier 'metrics.': expected a name after '.'", 0],
    ['tags.x.', "Invalid identifier 'tags.x.': expected a name after '.'", 0],
  ])('rejects %p', (input, message, position) => {
    expect(failureOf(input)).toMatchObject({ message, position });
  });

  it('suggests backticks for a key with special characters', () => {
    const failure = failureOf('metrics.log-scale-loss < 0');
    expect(failure.message).toBe(
      "Invalid identifier 'metrics.log-scale-loss'. Names that contain special characters or start with a digit " +
        'must be wrapped in backticks, e.g. metrics.`log-scale-loss`',
    );
    expect(failure.position).toBe(0);
    expect(failureOf("params.1st_iteration = 'x'").message).toContain('params.`1st_iteration`');
  });
});
