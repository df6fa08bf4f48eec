/**
 * Keeps the last `limitBytes` of a stream of chunks, so a chatty process cannot grow memory or
 * the stored row without bound. `text()` marks a cut with a leading line saying how much was dropped.
 */
export class OutputTail {
  private chunks: Buffer[] = [];
  private kept = 0;
  private dropped = 0;

  constructor(private readonly limitBytes: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.kept += chunk.length;
    while (this.kept > this.limitBytes) {
      const first = this.chunks[0]!;
      const excess = this.kept - this.limitBytes;
      if (first.length <= excess) {
        this.chunks.shift();
        this.kept -= first.length;
        this.dropped += first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.kept -= excess;
        this.dropped += excess;
      }
    }
  }

  /** The kept bytes as UTF-8 (a character cut at the start shows as U+FFFD). */
  text(): string {
    const body = Buffer.concat(this.chunks).toString('utf8');
    return this.dropped === 0 ? body : `[${this.dropped} earlier bytes dropped]\n${body}`;
  }
}
