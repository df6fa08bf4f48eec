import { failure, success, type Result } from '../result';
import type { ComparisonOperator } from './ast';

export type Token =
  | { readonly kind: 'number'; readonly value: number; readonly start: number; readonly end: number }
  | { readonly kind: 'string'; readonly value: string; readonly start: number; readonly end: number }
  | { readonly kind: 'word'; readonly value: string; readonly start: number; readonly end: number }
  | {
      readonly kind: 'operator';
      readonly value: ComparisonOperator;
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'dot' | 'open' | 'close' | 'end'; readonly start: number; readonly end: number };

/** Longer than any sensible condition; bounds the work one expression can cause. */
export const MAX_EXPRESSION_LENGTH = 4096;

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// Hyphens are allowed inside names because step names such as `validate-data` use them;
// the language has no arithmetic, so `a-b` is never a subtraction.
const WORD = /[A-Za-z_][A-Za-z0-9_-]*/y;
const OPERATORS: readonly ComparisonOperator[] = ['==', '!=', '<=', '>=', '<', '>'];
const MISTAKES: ReadonlyArray<readonly [string, string]> = [
  ['&&', "use 'and' instead of '&&'"],
  ['||', "use 'or' instead of '||'"],
  ['!', "use 'not' instead of '!'"],
  ['=', "use '==' to compare"],
];
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t' };

/** Splits an expression into tokens; the last token is always `end`. */
export function tokenize(text: string): Result<Token[]> {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return failure({ message: `expression is longer than ${MAX_EXPRESSION_LENGTH} characters`, offset: 0 });
  }
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    const token = readToken(text, index);
    if (!token.ok) return token;
    tokens.push(token.value);
    index = token.value.end;
  }
  tokens.push({ kind: 'end', start: text.length, end: text.length });
  return success(tokens);
}

function readToken(text: string, start: number): Result<Token> {
  const char = text[start]!;
  if (/[0-9]/.test(char) || (char === '-' && /[0-9]/.test(text[start + 1] ?? '')))
    return readNumber(text, start);
  if (char === "'" || char === '"') return readString(text, start, char);
  if (/[A-Za-z_]/.test(char)) {
    const value = matchAt(WORD, text, start)!;
    return success({ kind: 'word', value, start, end: start + value.length });
  }
  if (char === '.') return success({ kind: 'dot', start, end: start + 1 });
  if (char === '(') return success({ kind: 'open', start, end: start + 1 });
  if (char === ')') return success({ kind: 'close', start, end: start + 1 });
  const operator = OPERATORS.find((candidate) => text.startsWith(candidate, start));
  if (operator) return success({ kind: 'operator', value: operator, start, end: start + operator.length });
  const mistake = MISTAKES.find(([written]) => text.startsWith(written, start));
  if (mistake) return failure({ message: mistake[1], offset: start });
  return failure({ message: `unexpected character '${char}'`, offset: start });
}

function readNumber(text: string, start: number): Result<Token> {
  const digits = matchAt(NUMBER, text, start)!;
  const end = start + digits.length;
  if (/[A-Za-z0-9_.]/.test(text[end] ?? '')) {
    return failure({ message: `invalid number '${text.slice(start, end + 1)}'`, offset: start });
  }
  const value = Number(digits);
  if (!Number.isFinite(value)) return failure({ message: `number '${digits}' is too large`, offset: start });
  return success({ kind: 'number', value, start, end });
}

function readString(text: string, start: number, quote: string): Result<Token> {
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text[index]!;
    if (char === quote) return success({ kind: 'string', value, start, end: index + 1 });
    if (char === '\\') {
      const escaped = ESCAPES[text[index + 1] ?? ''];
      if (escaped === undefined) {
        return failure({ message: `unknown escape '\\${text[index + 1] ?? ''}' in string`, offset: index });
      }
      value += escaped;
      index += 2;
      continue;
    }
    value += char;
    index += 1;
  }
  return failure({ message: 'unterminated string', offset: start });
}

function matchAt(pattern: RegExp, text: string, index: number): string | undefined {
  pattern.lastIndex = index;
  return pattern.exec(text)?.[0];
}
