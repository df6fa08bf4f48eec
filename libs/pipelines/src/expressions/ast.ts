import type { ScalarValue } from '../values';

export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** What a dotted name in an expression points at. */
export type Reference =
  /** `steps.<step>.outputs.<key>(.<field>)*`: fields walk into an object output. */
  | {
      readonly type: 'output';
      readonly step: string;
      readonly key: string;
      readonly fields: readonly string[];
    }
  | { readonly type: 'status'; readonly step: string }
  | { readonly type: 'param'; readonly name: string };

/** Offsets into the expression text, end exclusive. */
interface Span {
  readonly start: number;
  readonly end: number;
}

export type Expression =
  | (Span & { readonly kind: 'literal'; readonly value: ScalarValue })
  | (Span & { readonly kind: 'reference'; readonly reference: Reference })
  | (Span & { readonly kind: 'not'; readonly operand: Expression })
  | (Span & {
      readonly kind: 'logical';
      readonly operator: 'and' | 'or';
      readonly left: Expression;
      readonly right: Expression;
    })
  | (Span & {
      readonly kind: 'comparison';
      readonly operator: ComparisonOperator;
      readonly left: Expression;
      readonly right: Expression;
    });

/** The text a reference is written as, for messages. */
export function referenceText(reference: Reference): string {
  switch (reference.type) {
    case 'output':
      return ['steps', reference.step, 'outputs', reference.key, ...reference.fields].join('.');
    case 'status':
      return `steps.${reference.step}.status`;
    case 'param':
      return `params.${reference.name}`;
  }
}
