import { failure, success, type Result } from '../result';
import type { Value } from '../values';
import { evaluateExpression, type ExpressionContext } from './evaluator';
import { parseTemplate, soleExpression } from './template';

/**
 * Substitutes placeholders in a string. A string that is exactly one placeholder yields the
 * value with its type (a number stays a number, an object stays an object); otherwise values
 * are written into the text (null as empty, objects and lists as JSON).
 */
export function renderTemplate(text: string, context: ExpressionContext): Result<Value> {
  const template = parseTemplate(text);
  if (!template.ok) return template;
  const only = soleExpression(template.value);
  if (only) return offsetError(evaluateExpression(only.expression, context), only.offset);
  let rendered = '';
  for (const part of template.value.parts) {
    if (part.kind === 'text') {
      rendered += part.text;
      continue;
    }
    const value = evaluateExpression(part.expression, context);
    if (!value.ok) return offsetError(value, part.offset);
    rendered += stringifyValue(value.value);
  }
  return success(rendered);
}

/** Renders every string inside a value (object keys are left as written). */
export function renderValue(value: Value, context: ExpressionContext): Result<Value> {
  if (typeof value === 'string') return renderTemplate(value, context);
  if (value === null || typeof value !== 'object') return success(value);
  if (Array.isArray(value)) {
    const items: Value[] = [];
    for (const item of value as readonly Value[]) {
      const rendered = renderValue(item, context);
      if (!rendered.ok) return rendered;
      items.push(rendered.value);
    }
    return success(items);
  }
  const entries: [string, Value][] = [];
  for (const [key, item] of Object.entries(value)) {
    const rendered = renderValue(item, context);
    if (!rendered.ok) return rendered;
    entries.push([key, rendered.value]);
  }
  return success(Object.fromEntries(entries));
}

/** Renders a string that must stay a string (command arguments, environment values). */
export function renderString(text: string, context: ExpressionContext): Result<string> {
  const rendered = renderTemplate(text, context);
  return rendered.ok ? success(stringifyValue(rendered.value)) : rendered;
}

function stringifyValue(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function offsetError<T>(result: Result<T>, offset: number): Result<T> {
  return result.ok
    ? result
    : failure({ message: result.error.message, offset: offset + result.error.offset });
}
