import type { Token } from '../syntax/token';

/** A cursor over tokens; `next()` keeps returning the end token once the input is used up. */
export class TokenStream {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)] as Token;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  /** The source text from the current token to the end, for "invalid clause" messages. */
  rest(input: string): string {
    return input.slice(this.peek().position).trim();
  }
}

/** True for an unquoted one-word name spelled `word` in any case (`and`, `AND`, `And`). */
export function isKeyword(token: Token, word: string): boolean {
  if (token.kind !== 'name' || token.segments.length !== 1) return false;
  const [segment] = token.segments;
  return segment?.quoting === 'bare' && segment.text.toUpperCase() === word;
}
