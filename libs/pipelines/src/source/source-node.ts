import type { ScalarValue } from '../values';

/**
 * A YAML document reduced to what pipeline definitions use, with source offsets kept so
 * every problem can point at its line and column.
 */
export type SourceNode = SourceScalar | SourceMapping | SourceSequence;

export interface SourceScalar {
  readonly kind: 'scalar';
  readonly value: ScalarValue;
  /** The scalar exactly as written (for `10` this is "10", for `"a"` it is `"a"`). */
  readonly text: string;
  readonly plain: boolean;
  readonly start: number;
  /** Offset of the value's first character when value characters map one to one onto the source. */
  readonly valueStart: number | undefined;
}

export interface SourceMapping {
  readonly kind: 'mapping';
  readonly entries: readonly SourceEntry[];
  readonly start: number;
}

export interface SourceEntry {
  readonly key: string;
  readonly keyStart: number;
  readonly value: SourceNode;
}

export interface SourceSequence {
  readonly kind: 'sequence';
  readonly items: readonly SourceNode[];
  readonly start: number;
}

/** The source offset of character `index` of a scalar's value, or the scalar's start when unknown. */
export function offsetInScalar(scalar: SourceScalar, index: number): number {
  return scalar.valueStart === undefined ? scalar.start : scalar.valueStart + index;
}
