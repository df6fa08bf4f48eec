import { failure, success, type Result } from '../result';
import type { Expression } from './ast';
import { parseExpression } from './parser';

const OPEN = '${{';
const CLOSE = '}}';

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  /** `offset` is where the expression text starts inside the template string. */
  | { readonly kind: 'expression'; readonly expression: Expression; readonly offset: number };

/** A string with `${{ expression }}` placeholders. */
export interface Template {
  readonly parts: readonly TemplatePart[];
}

export function containsTemplate(text: string): boolean {
  return text.includes(OPEN);
}

/** Splits `text` into literal text and parsed placeholders; error offsets are into `text`. */
export function parseTemplate(text: string): Result<Template> {
  const parts: TemplatePart[] = [];
  let cursor = 0;
  for (let open = text.indexOf(OPEN); open !== -1; open = text.indexOf(OPEN, cursor)) {
    if (open > cursor) parts.push({ kind: 'text', text: text.slice(cursor, open) });
    const inner = open + OPEN.length;
    const close = findClose(text, inner);
    if (close === -1) return failure({ message: "'${{' is not closed by '}}'", offset: open });
    const parsed = parseExpression(text.slice(inner, close));
    if (!parsed.ok) return failure({ message: parsed.error.message, offset: inner + parsed.error.offset });
    parts.push({ kind: 'expression', expression: parsed.value, offset: inner });
    cursor = close + CLOSE.length;
  }
  if (cursor < text.length) parts.push({ kind: 'text', text: text.slice(cursor) });
  return success({ parts });
}

/** The template's only part when the whole string is one placeholder, so its value keeps its type. */
export function soleExpression(template: Template): (TemplatePart & { kind: 'expression' }) | undefined {
  const [only, ...rest] = template.parts;
  return only?.kind === 'expression' && rest.length === 0 ? only : undefined;
}

/** Finds the `}}` that ends a placeholder, ignoring any inside quoted strings. */
function findClose(text: string, from: number): number {
  let quote: string | undefined;
  for (let index = from; index < text.length; index += 1) {
    const char = text[index]!;
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (text.startsWith(CLOSE, index)) {
      return index;
    }
  }
  return -1;
}
