import type { Expression, Reference } from './ast';

export interface ReferenceSite {
  readonly reference: Reference;
  /** Offset of the reference inside the expression text. */
  readonly start: number;
}

/** Every reference in an expression, left to right. */
export function collectReferences(expression: Expression): ReferenceSite[] {
  switch (expression.kind) {
    case 'literal':
      return [];
    case 'reference':
      return [{ reference: expression.reference, start: expression.start }];
    case 'not':
      return collectReferences(expression.operand);
    case 'logical':
    case 'comparison':
      return [...collectReferences(expression.left), ...collectReferences(expression.right)];
  }
}
