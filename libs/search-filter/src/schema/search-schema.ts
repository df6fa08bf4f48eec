import type { Comparator, Entity, OrderBy } from '../ast';

/** What a field accepts on the right-hand side of a comparison. */
export interface FieldRule {
  readonly valueType: 'number' | 'string';
  /** Includes `IN` / `NOT IN` only for fields that take a list of quoted strings. */
  readonly comparators: readonly Comparator[];
  /** Timestamps and version numbers: a fractional value is rejected. */
  readonly integer?: boolean;
  /** Model-version search also takes `version_number = '3'`, as MLflow does. */
  readonly quotedNumbers?: boolean;
}

/** Metrics, params and tags: any key, one rule for all of them. */
export interface OpenEntity {
  readonly kind: 'open';
  readonly rule: FieldRule;
  readonly sortable: boolean;
}

/** Attributes and dataset fields: a fixed set of keys. */
export interface ClosedEntity {
  readonly kind: 'closed';
  readonly fields: Readonly<Record<string, FieldRule>>;
  /** Alternative spellings MLflow accepts (`created` → `start_time`). */
  readonly aliases: Readonly<Record<string, string>>;
  /** Canonical keys `order_by` accepts; empty when this entity cannot be sorted on. */
  readonly sortable: readonly string[];
}

/**
 * What one search endpoint accepts: identifier prefixes, fields, comparators per field, sort
 * keys and the default ordering. `runs`, `experiments`, `registeredModels` and `modelVersions`
 * mirror MLflow's rules for the matching search API.
 */
export interface SearchSchema {
  readonly name: string;
  /** Every accepted prefix spelling (`metrics`, `metric`, `tags`, ...) and what it means. */
  readonly prefixes: Readonly<Record<string, Entity>>;
  /** The prefixes listed in "Invalid entity type" messages. */
  readonly prefixNames: readonly string[];
  readonly entities: Readonly<Partial<Record<Entity, OpenEntity | ClosedEntity>>>;
  /** Used when the request gives no `order_by`. */
  readonly defaultOrderBy: readonly OrderBy[];
  /** Appended unless the ordering already has that key, so every ordering is total. */
  readonly tieBreakers: readonly OrderBy[];
}

/** MLflow's own word for each entity in messages ("Expected a quoted string value for parameter"). */
export const ENTITY_WORDS: Readonly<Record<Entity, string>> = {
  metric: 'metric',
  param: 'parameter',
  tag: 'tag',
  attribute: 'attribute',
  dataset: 'dataset',
};
