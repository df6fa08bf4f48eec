import type { Comparison } from '../ast';
import { printComparison, printFilter, printOrderBy } from './print-search';

const term = (
  entity: Comparison['entity'],
  key: string,
  comparator: Comparison['comparator'],
  value: Comparison['value'],
) => ({ kind: 'comparison', entity, key, comparator, value }) as const;

describe('printing', () => {
  it('prints plain keys bare and attributes without a prefix', () => {
    expect(
      printFilter([
        term('metric', 'rmse', '<', 0.5),
        term('tag', 'mlflow.user', '=', 'ana'),
        term('attribute', 'status', '=', 'FINISHED'),
      ]),
    ).toBe("metrics.rmse < 0.5 AND tags.mlflow.user = 'ana' AND status = 'FINISHED'");
  });

  it('quotes keys with special characters in backticks and doubles quotes inside quoted text', () => {
    expect(printComparison(term('param', 'learning rate', '=', "it's"))).toBe(
      "params.`learning rate` = 'it''s'",
    );
    expect(printComparison(term('tag', 'a`b', '!=', ''))).toBe("tags.`a``b` != ''");
    expect(printComparison(term('metric', '1st', '>=', -0))).toBe('metrics.`1st` >= -0');
  });

  it('prints lists and ordering terms', () => {
    expect(printComparison(term('dataset', 'digest', 'NOT IN', ['a', 'b']))).toBe(
      "datasets.digest NOT IN ('a', 'b')",
    );
    expect(printOrderBy({ entity: 'metric', key: 'f1 score', direction: 'DESC' })).toBe(
      'metrics.`f1 score` DESC',
    );
  });

  it('refuses a value the grammar cannot express', () => {
    expect(() => printComparison(term('metric', 'a', '>', Number.POSITIVE_INFINITY))).toThrow(RangeError);
  });
});
