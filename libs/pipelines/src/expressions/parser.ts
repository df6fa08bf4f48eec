import { failure, success, type Result } from '../result';
import type { Expression } from './ast';
import { toReference } from './reference-path';
import { ExpressionSyntaxError } from './syntax-error';
import { tokenize, type Token } from './tokenizer';

/** Deep enough for any real condition, shallow enough that recursion cannot exhaust the stack. */
const MAX_NESTING = 32;

/**
 * Parses a condition such as `steps.evaluate.outputs.passed == true and not params.dry_run`.
 * Grammar (lowest precedence first):
 *   or         := and ('or' and)*
 *   and        := not ('and' not)*
 *   not        := 'not' not | comparison
 *   comparison := primary (('=='|'!='|'<'|'<='|'>'|'>=') primary)?
 *   primary    := number | string | true | false | null | reference | '(' or ')'
 */
export function parseExpression(text: string): Result<Expression> {
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  try {
    return success(new ExpressionParser(tokens.value).parse());
  } catch (error) {
    if (error instanceof ExpressionSyntaxError)
      return failure({ message: error.message, offset: error.offset });
    throw error;
  }
}

class ExpressionParser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): Expression {
    if (this.peek().kind === 'end') throw new ExpressionSyntaxError('empty expression', 0);
    const expression = this.or();
    const next = this.peek();
    if (next.kind !== 'end')
      throw new ExpressionSyntaxError(`unexpected ${describe(next)} after a complete expression`, next.start);
    return expression;
  }

  private or(): Expression {
    let left = this.and();
    while (this.isWord('or')) {
      this.advance();
      const right = this.and();
      left = { kind: 'logical', operator: 'or', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private and(): Expression {
    let left = this.not();
    while (this.isWord('and')) {
      this.advance();
      const right = this.not();
      left = { kind: 'logical', operator: 'and', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private not(): Expression {
    if (!this.isWord('not')) return this.comparison();
    const keyword = this.advance();
    const operand = this.nested(() => this.not(), keyword);
    return { kind: 'not', operand, start: keyword.start, end: operand.end };
  }

  private comparison(): Expression {
    const left = this.primary();
    const operator = this.peek();
    if (operator.kind !== 'operator') return left;
    this.advance();
    const right = this.primary();
    const chained = this.peek();
    if (chained.kind === 'operator') {
      throw new ExpressionSyntaxError("comparisons cannot be chained; join them with 'and'", chained.start);
    }
    return { kind: 'comparison', operator: operator.value, left, right, start: left.start, end: right.end };
  }

  private primary(): Expression {
    const token = this.advance();
    switch (token.kind) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: token.value, start: token.start, end: token.end };
      case 'open': {
        const inner = this.nested(() => this.or(), token);
        const close = this.advance();
        if (close.kind !== 'close') throw new ExpressionSyntaxError("missing ')'", close.start);
        return { ...inner, start: token.start, end: close.end };
      }
      case 'word':
        return this.wordExpression(token);
      case 'dot':
      case 'close':
      case 'operator':
      case 'end':
        throw new ExpressionSyntaxError(`expected a value, got ${describe(token)}`, token.start);
    }
  }

  private wordExpression(token: Token & { kind: 'word' }): Expression {
    const literal = LITERAL_WORDS.get(token.value);
    if (literal !== undefined)
      return { kind: 'literal', value: literal.value, start: token.start, end: token.end };
    if (KEYWORDS.has(token.value))
      throw new ExpressionSyntaxError(`expected a value, got '${token.value}'`, token.start);
    const segments = [token];
    while (this.peek().kind === 'dot') {
      const dot = this.advance();
      const segment = this.advance();
      if (segment.kind !== 'word')
        throw new ExpressionSyntaxError(
          "expected a name after '.'",
          segment.kind === 'end' ? dot.end : segment.start,
        );
      segments.push(segment);
    }
    const end = segments[segments.length - 1]!.end;
    return { kind: 'reference', reference: toReference(segments), start: token.start, end };
  }

  private nested(parse: () => Expression, opener: Token): Expression {
    this.depth += 1;
    if (this.depth > MAX_NESTING)
      throw new ExpressionSyntaxError(`expression nests deeper than ${MAX_NESTING} levels`, opener.start);
    const expression = parse();
    this.depth -= 1;
    return expression;
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.value === word;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private advance(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }
}

const LITERAL_WORDS = new Map<string, { value: boolean | null }>([
  ['true', { value: true }],
  ['false', { value: false }],
  ['null', { value: null }],
]);
const KEYWORDS = new Set(['and', 'or', 'not']);

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the expression';
    case 'dot':
      return "'.'";
    case 'open':
      return "'('";
    case 'close':
      return "')'";
    case 'string':
      return 'a string';
    case 'number':
      return `'${token.value}'`;
    case 'word':
    case 'operator':
      return `'${token.value}'`;
  }
}
