import { failure, success, type Result } from '../result';
import type { Expression } from './ast';
import { parseExpression } from './parser';
import { parseTemplate, soleExpression } from './template';

/** An expression and where its text starts inside the string it was written in. */
export interface PlacedExpression {
  readonly expression: Expression;
  readonly offset: number;
}

/**
 * Parses a `when` condition. Both `a == 1` and `${{ a == 1 }}` are accepted, since people
 * write either; anything mixing placeholders with other text is not a condition.
 * Error offsets are into `text`.
 */
export function parseCondition(text: string): Result<PlacedExpression> {
  if (!text.trim().startsWith('${{')) {
    const parsed = parseExpression(text);
    return parsed.ok ? success({ expression: parsed.value, offset: 0 }) : parsed;
  }
  const template = parseTemplate(text);
  if (!template.ok) return template;
  const meaningful = template.value.parts.filter((part) => part.kind !== 'text' || part.text.trim() !== '');
  const only = soleExpression({ parts: meaningful });
  if (!only) {
    return failure({
      message: 'a condition is one expression: write it without ${{ }} or wrap all of it',
      offset: text.indexOf('${{'),
    });
  }
  return success({ expression: only.expression, offset: only.offset });
}
