/** What a comparison looks at: MLflow's five identifier types. */
export type Entity = 'metric' | 'param' | 'tag' | 'attribute' | 'dataset';

export const NUMERIC_COMPARATORS = ['=', '!=', '<', '<=', '>', '>='] as const;
export const STRING_COMPARATORS = ['=', '!=', 'LIKE', 'ILIKE'] as const;
export const LIST_COMPARATORS = ['IN', 'NOT IN'] as const;

/** Comparators are stored upper-case whatever the input's case (`like` → `LIKE`). */
export type Comparator =
  | (typeof NUMERIC_COMPARATORS)[number]
  | (typeof STRING_COMPARATORS)[number]
  | (typeof LIST_COMPARATORS)[number];

/** A number (metrics, timestamps), a string, or the string list of `IN` / `NOT IN`. */
export type FilterValue = number | string | readonly string[];

/** One `identifier comparator value` term. Keys of attributes are canonical (`created` → `start_time`). */
export interface Comparison {
  readonly kind: 'comparison';
  readonly entity: Entity;
  readonly key: string;
  readonly comparator: Comparator;
  readonly value: FilterValue;
}

/** A parsed filter: every comparison must hold (MLflow filters only know AND). Empty = no filter. */
export type Filter = readonly Comparison[];

export type SortDirection = 'ASC' | 'DESC';

/** One `order_by` term. Null values sort last in both directions, as MLflow does. */
export interface OrderBy {
  readonly entity: Entity;
  readonly key: string;
  readonly direction: SortDirection;
}
