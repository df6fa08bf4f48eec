import { shorten } from '../messages';
import { SyntaxFailure } from './syntax-failure';
import type { NameSegment, NameToken, Token } from './token';

const WHITESPACE = /\s+/uy;
const BARE_WORD = /[\p{L}_][\p{L}\p{N}_]*/uy;
const NUMBER = /-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NUMBER_START = /-?\.?\d/y;
const OPERATOR = /[<>=!~]+/y;
/** Characters that may directly follow a name or number: everything else is glued to it. */
const DELIMITER = /[\s<>=!~(),']/u;

/** Splits a filter or order_by clause into tokens in one left-to-right pass (linear time). */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < input.length) {
    const space = matchAt(WHITESPACE, input, at);
    if (space) {
      at += space.length;
      continue;
    }
    const token = readToken(input, at);
    tokens.push(token);
    at += token.raw.length;
  }
  tokens.push({ kind: 'end', position: input.length, raw: '' });
  return tokens;
}

function readToken(input: string, at: number): Token {
  const char = input[at] as string;
  if (char === "'") {
    const { text, end } = readQuoted(input, at);
    return { kind: 'string', value: text, position: at, raw: input.slice(at, end) };
  }
  if (char === '(' || char === ')' || char === ',') return { kind: 'punctuation', position: at, raw: char };
  const operator = matchAt(OPERATOR, input, at);
  if (operator) return { kind: 'operator', position: at, raw: operator };
  if (matchAt(NUMBER_START, input, at)) return readNumber(input, at);
  if (char === '`' || char === '"' || matchAt(BARE_WORD, input, at)) return readName(input, at);
  throw new SyntaxFailure(`Unexpected character '${String.fromCodePoint(input.codePointAt(at) ?? 0)}'`, at);
}

function readNumber(input: string, at: number): Token {
  const raw = matchAt(NUMBER, input, at) as string;
  const end = at + raw.length;
  if (end < input.length && !DELIMITER.test(input[end] as string)) {
    throw new SyntaxFailure(`Invalid number '${shorten(input.slice(at, gluedEnd(input, end)))}'`, at);
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new SyntaxFailure(`Number '${shorten(raw)}' is out of range`, at);
  return { kind: 'number', value, position: at, raw };
}

/** Reads `seg(.seg)*` where a segment is a bare word or a backtick/double-quoted name. */
function readName(input: string, start: number): NameToken {
  const segments: NameSegment[] = [];
  let at = start;
  for (;;) {
    const segment = readSegment(input, at);
    if (!segment && (at >= input.length || DELIMITER.test(input[at] as string))) {
      throw new SyntaxFailure(
        `Invalid identifier '${shorten(input.slice(start, at))}': expected a name after '.'`,
        start,
      );
    }
    if (!segment) throw unquotedSpecialName(input, start, at);
    segments.push(segment.segment);
    at = segment.end;
    if (input[at] !== '.') break;
    at += 1;
  }
  if (at < input.length && !DELIMITER.test(input[at] as string)) throw unquotedSpecialName(input, start, at);
  return { kind: 'name', segments, position: start, raw: input.slice(start, at) };
}

function readSegment(input: string, at: number): { segment: NameSegment; end: number } | undefined {
  const char = input[at];
  if (char === '`' || char === '"') {
    const { text, end } = readQuoted(input, at);
    return { segment: { text, quoting: char === '`' ? 'backtick' : 'double' }, end };
  }
  const word = matchAt(BARE_WORD, input, at);
  return word ? { segment: { text: word, quoting: 'bare' }, end: at + word.length } : undefined;
}

/** Reads text between `input[start]` and its closing twin; a doubled quote inside is one quote. */
function readQuoted(input: string, start: number): { text: string; end: number } {
  const quote = input[start] as string;
  let text = '';
  let at = start + 1;
  for (;;) {
    const close = input.indexOf(quote, at);
    if (close < 0) throw new SyntaxFailure(`Unclosed ${quote} quote starting at position ${start}`, start);
    text += input.slice(at, close);
    if (input[close + 1] !== quote) return { text, end: close + 1 };
    text += quote;
    at = close + 2;
  }
}

function unquotedSpecialName(input: string, start: number, badAt: number): SyntaxFailure {
  const raw = shorten(input.slice(start, gluedEnd(input, badAt)));
  const dot = raw.indexOf('.');
  const example = dot > 0 ? `${raw.slice(0, dot)}.\`${raw.slice(dot + 1)}\`` : `\`${raw}\``;
  return new SyntaxFailure(
    `Invalid identifier '${raw}'. Names that contain special characters or start with a digit ` +
      `must be wrapped in backticks, e.g. ${example}`,
    start,
  );
}

function gluedEnd(input: string, from: number): number {
  let end = from;
  while (end < input.length && !DELIMITER.test(input[end] as string)) end += 1;
  return end;
}

function matchAt(pattern: RegExp, input: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(input)?.[0];
}
