import type { LineIndex } from './line-index';

/** One problem in a pipeline definition, pointing at where it was written. */
export interface PipelineError {
  readonly message: string;
  /** Where in the definition, e.g. `steps[2].retry.limit`; empty for the document itself. */
  readonly path: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
}

/** Collects every problem found while reading a definition, so all are reported at once. */
export class Problems {
  private readonly found: { message: string; path: string; offset: number }[] = [];

  add(message: string, path: string, offset: number): void {
    this.found.push({ message, path, offset });
  }

  get count(): number {
    return this.found.length;
  }

  /** In source order; problems at the same place keep the order they were found in. */
  located(lines: LineIndex): PipelineError[] {
    return [...this.found]
      .sort((a, b) => a.offset - b.offset)
      .map(({ message, path, offset }) => ({ message, path, ...lines.position(offset) }));
  }
}
