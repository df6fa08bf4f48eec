/** A SQL text fragment and the values of its `$n` placeholders, in order. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: unknown[];
}

export interface CompileOptions {
  /** Number of the first placeholder, to append this fragment after others (default 1). */
  readonly firstPlaceholder?: number;
}

/** Hands out `$n` placeholders for values, so values only ever travel as parameters. */
export class Placeholders {
  readonly params: unknown[] = [];
  private readonly first: number;

  constructor(options: CompileOptions) {
    const first = options.firstPlaceholder ?? 1;
    if (!Number.isSafeInteger(first) || first < 1)
      throw new RangeError(`firstPlaceholder must be a positive integer, got ${first}`);
    this.first = first;
  }

  add(value: unknown): string {
    this.params.push(value);
    return `$${this.first + this.params.length - 1}`;
  }
}
