import { LIST_COMPARATORS, NUMERIC_COMPARATORS, STRING_COMPARATORS } from '../ast';
import type { FieldRule } from './search-schema';

export const METRIC_RULE: FieldRule = { valueType: 'number', comparators: NUMERIC_COMPARATORS };
export const STRING_RULE: FieldRule = { valueType: 'string', comparators: STRING_COMPARATORS };
export const STRING_LIST_RULE: FieldRule = {
  valueType: 'string',
  comparators: [...STRING_COMPARATORS, ...LIST_COMPARATORS],
};
export const TIMESTAMP_RULE: FieldRule = {
  valueType: 'number',
  comparators: NUMERIC_COMPARATORS,
  integer: true,
};
