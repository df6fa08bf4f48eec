/** How a name segment was written: bare, in backticks, or in double quotes. */
export type Quoting = 'bare' | 'backtick' | 'double';

export interface NameSegment {
  readonly text: string;
  readonly quoting: Quoting;
}

interface TokenBase {
  /** Offset of the token's first character in the input. */
  readonly position: number;
  /** The token exactly as written, for error messages. */
  readonly raw: string;
}

/**
 * `metrics.rmse`, `` tags.`a b` ``, `status`, `AND`, and also `"value"`: a double-quoted word
 * is a name on the left of a comparator and a string on the right, so the parser decides.
 */
export interface NameToken extends TokenBase {
  readonly kind: 'name';
  readonly segments: readonly NameSegment[];
}

/** A single-quoted string literal; `''` inside it stands for one quote. */
export interface StringToken extends TokenBase {
  readonly kind: 'string';
  readonly value: string;
}

export interface NumberToken extends TokenBase {
  readonly kind: 'number';
  readonly value: number;
}

/** A run of comparison characters (`<=`, `!=`, also invalid ones like `~` or `==`). */
export interface OperatorToken extends TokenBase {
  readonly kind: 'operator';
}

export interface PunctuationToken extends TokenBase {
  readonly kind: 'punctuation';
  readonly raw: '(' | ')' | ',';
}

export interface EndToken extends TokenBase {
  readonly kind: 'end';
}

export type Token = NameToken | StringToken | NumberToken | OperatorToken | PunctuationToken | EndToken;
