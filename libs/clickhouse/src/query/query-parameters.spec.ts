import type { LiteralSql, ParamNames, QueryParams } from './query-parameters';
import { assertParamsUsed, normalizeParams } from './query-parameters';

/** Compile-time checks: `tsc` fails the build if a `@ts-expect-error` below stops erroring. */
function acceptsSql<const S extends string>(sql: LiteralSql<S>, params: QueryParams<S>): [string, object] {
  return [sql, params];
}

describe('query parameter types', () => {
  it('extracts every {name:Type} placeholder, including parameterized types', () => {
    const names: ParamNames<"SELECT {a:String}, {m:Map(String, UInt8)} WHERE x = '{' AND y = {b:UInt64}"> =
      'a';
    const all: ParamNames<'{a:String}{m:Map(String, UInt8)}{b:UInt64}'>[] = ['a', 'm', 'b'];
    expect([names, ...all]).toEqual(['a', 'a', 'm', 'b']);
  });

  it('accepts literal SQL with exactly its parameters', () => {
    expect(acceptsSql('SELECT {model:String} AS m', { model: 'iris' })).toEqual([
      'SELECT {model:String} AS m',
      { model: 'iris' },
    ]);
    const table = 'logs' as const;
    expect(acceptsSql(`SELECT count() FROM ${table} WHERE x = {x:UInt8}`, { x: 1 })[0]).toBe(
      'SELECT count() FROM logs WHERE x = {x:UInt8}',
    );
  });

  it('rejects interpolated run-time strings, missing and extra parameters at compile time', () => {
    const userInput: string = "x' OR 1=1 --";
    // @ts-expect-error run-time text may not become SQL
    acceptsSql(`SELECT * FROM t WHERE name = '${userInput}'`, {});
    // @ts-expect-error a placeholder without a value
    acceptsSql('SELECT {a:String}', {});
    // @ts-expect-error a value without a placeholder
    acceptsSql('SELECT {a:String}', { a: 'x', b: 'y' });
    expect(userInput).toBeDefined();
  });
});

describe('assertParamsUsed', () => {
  it('accepts params that all have placeholders, with or without spaces', () => {
    expect(() =>
      assertParamsUsed('SELECT { a : String }, {b:Array(UInt8)}', { a: 'x', b: [1] }),
    ).not.toThrow();
  });

  it('names params without a placeholder', () => {
    expect(() => assertParamsUsed('SELECT {a:String}', { a: 'x', modle: 'typo' })).toThrow(
      'query parameter(s) modle have no {name:Type} placeholder in the SQL',
    );
  });
});

describe('normalizeParams', () => {
  it('sends Dates as Unix seconds with milliseconds, as the HTTP client does', () => {
    const at = new Date('2024-01-02T03:04:05.678Z');
    const whole = new Date('2024-01-02T03:04:05Z');
    expect(normalizeParams({ at, whole, list: [at], name: 'x', n: 1 })).toEqual({
      at: '1704164645.678',
      whole: '1704164645',
      list: ['1704164645.678'],
      name: 'x',
      n: 1,
    });
  });
});
