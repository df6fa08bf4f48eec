import type { OffsetProblem } from '../result';
import { STEP_STATUSES } from '../step-status';
import { referenceText, type Expression } from './ast';

export type StaticType = 'string' | 'number' | 'boolean' | 'null' | 'unknown';

/** Declared parameter types; step outputs are untyped until a run produces them. */
type ParamTypes = (name: string) => StaticType;

/**
 * Finds mistakes visible before any run: non-boolean operands of `and`/`or`/`not`, ordering
 * of booleans or mixed types, equality that can never hold, misspelled step statuses, and
 * (for conditions) a result that is not true or false. Offsets are into the expression text.
 */
export function typeCheck(
  expression: Expression,
  paramTypes: ParamTypes,
  asCondition: boolean,
): OffsetProblem[] {
  const problems: OffsetProblem[] = [];
  const type = inferType(expression, paramTypes, problems);
  if (asCondition && type !== 'boolean' && type !== 'unknown') {
    problems.push({
      message: `a condition must be true or false, but this is a ${type}`,
      offset: expression.start,
    });
  }
  return problems;
}

function inferType(expression: Expression, paramTypes: ParamTypes, problems: OffsetProblem[]): StaticType {
  switch (expression.kind) {
    case 'literal':
      return expression.value === null ? 'null' : (typeof expression.value as StaticType);
    case 'reference':
      if (expression.reference.type === 'param') return paramTypes(expression.reference.name);
      return expression.reference.type === 'status' ? 'string' : 'unknown';
    case 'not':
      expectBoolean(expression.operand, inferType(expression.operand, paramTypes, problems), 'not', problems);
      return 'boolean';
    case 'logical':
      expectBoolean(
        expression.left,
        inferType(expression.left, paramTypes, problems),
        expression.operator,
        problems,
      );
      expectBoolean(
        expression.right,
        inferType(expression.right, paramTypes, problems),
        expression.operator,
        problems,
      );
      return 'boolean';
    case 'comparison':
      checkComparison(expression, paramTypes, problems);
      return 'boolean';
  }
}

function expectBoolean(
  operand: Expression,
  type: StaticType,
  operator: string,
  problems: OffsetProblem[],
): void {
  if (type !== 'boolean' && type !== 'unknown') {
    problems.push({
      message: `'${operator}' needs true or false, but this is a ${type}`,
      offset: operand.start,
    });
  }
}

function checkComparison(
  expression: Expression & { kind: 'comparison' },
  paramTypes: ParamTypes,
  problems: OffsetProblem[],
): void {
  const left = inferType(expression.left, paramTypes, problems);
  const right = inferType(expression.right, paramTypes, problems);
  checkStatusLiteral(expression.left, expression.right, problems);
  checkStatusLiteral(expression.right, expression.left, problems);
  if (left === 'unknown' || right === 'unknown') return;
  const ordering = expression.operator !== '==' && expression.operator !== '!=';
  if (ordering && (left !== right || left === 'boolean' || left === 'null')) {
    problems.push({
      message: `'${expression.operator}' needs two numbers or two strings, but compares a ${left} with a ${right}`,
      offset: expression.start,
    });
  } else if (!ordering && left !== right && left !== 'null' && right !== 'null') {
    problems.push({
      message: `'${expression.operator}' compares a ${left} with a ${right}, which are never equal`,
      offset: expression.start,
    });
  }
}

function checkStatusLiteral(status: Expression, literal: Expression, problems: OffsetProblem[]): void {
  if (status.kind !== 'reference' || status.reference.type !== 'status') return;
  if (literal.kind !== 'literal' || typeof literal.value !== 'string') return;
  if (!(STEP_STATUSES as readonly string[]).includes(literal.value)) {
    problems.push({
      message: `${referenceText(status.reference)} is never '${literal.value}'; a status is one of ${STEP_STATUSES.join(', ')}`,
      offset: literal.start,
    });
  }
}
