/** Thrown inside the expression parser and turned into a failed Result at its boundary. */
export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}
