import { failure, success, type Result } from '../result';
import { describeValue, isValueObject, type Value } from '../values';
import { referenceText, type ComparisonOperator, type Expression, type Reference } from './ast';

/** What a step looks like to expressions: its status and, once it produced them, its outputs. */
export interface StepView {
  readonly status: string;
  readonly outputs?: Readonly<Record<string, Value>>;
}

/** The values references resolve against. */
export interface ExpressionContext {
  readonly params: Readonly<Record<string, Value>>;
  readonly steps: Readonly<Record<string, StepView>>;
}

/**
 * Evaluates an expression without coercion: `==` is false across types, ordering needs two
 * numbers or two strings, `and`/`or`/`not` need booleans. `and`/`or` short-circuit, so
 * `steps.x.status == 'succeeded' and steps.x.outputs.y > 1` is safe when x did not succeed.
 */
export function evaluateExpression(expression: Expression, context: ExpressionContext): Result<Value> {
  try {
    return success(evaluate(expression, context));
  } catch (error) {
    if (error instanceof EvaluationError) return failure({ message: error.message, offset: error.offset });
    throw error;
  }
}

class EvaluationError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function evaluate(expression: Expression, context: ExpressionContext): Value {
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'reference':
      return resolve(expression.reference, context, expression.start);
    case 'not':
      return !booleanOperand(expression.operand, context, 'not');
    case 'logical': {
      const left = booleanOperand(expression.left, context, expression.operator);
      if (expression.operator === 'and' ? !left : left) return left;
      return booleanOperand(expression.right, context, expression.operator);
    }
    case 'comparison':
      return compare(
        expression.operator,
        evaluate(expression.left, context),
        evaluate(expression.right, context),
        expression.start,
      );
  }
}

function booleanOperand(expression: Expression, context: ExpressionContext, operator: string): boolean {
  const value = evaluate(expression, context);
  if (typeof value !== 'boolean') {
    throw new EvaluationError(
      `'${operator}' needs true or false, got ${describeValue(value)}`,
      expression.start,
    );
  }
  return value;
}

function resolve(reference: Reference, context: ExpressionContext, offset: number): Value {
  const name = referenceText(reference);
  if (reference.type === 'param') {
    const value = context.params[reference.name];
    if (value === undefined || !Object.hasOwn(context.params, reference.name)) {
      throw new EvaluationError(`${name} is not set`, offset);
    }
    return value;
  }
  const step = Object.hasOwn(context.steps, reference.step) ? context.steps[reference.step] : undefined;
  if (!step) throw new EvaluationError(`${name}: there is no step '${reference.step}'`, offset);
  if (reference.type === 'status') return step.status;
  const outputs = step.outputs ?? {};
  if (!Object.hasOwn(outputs, reference.key)) {
    throw new EvaluationError(`${name} is not available (step ${reference.step} is ${step.status})`, offset);
  }
  let value: Value = outputs[reference.key]!;
  for (const field of reference.fields) {
    if (!isValueObject(value) || !Object.hasOwn(value, field)) {
      throw new EvaluationError(`${name}: ${describeValue(value)} has no field '${field}'`, offset);
    }
    value = value[field]!;
  }
  return value;
}

function compare(operator: ComparisonOperator, left: Value, right: Value, offset: number): boolean {
  if (!isScalar(left) || !isScalar(right)) {
    throw new EvaluationError(
      `'${operator}' compares scalars, got ${describeValue(left)} and ${describeValue(right)}`,
      offset,
    );
  }
  if (operator === '==') return left === right;
  if (operator === '!=') return left !== right;
  const comparable =
    (typeof left === 'number' && typeof right === 'number') ||
    (typeof left === 'string' && typeof right === 'string');
  if (!comparable) {
    throw new EvaluationError(
      `'${operator}' needs two numbers or two strings, got ${describeValue(left)} and ${describeValue(right)}`,
      offset,
    );
  }
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}

function isScalar(value: Value): value is string | number | boolean | null {
  return value === null || typeof value !== 'object';
}
