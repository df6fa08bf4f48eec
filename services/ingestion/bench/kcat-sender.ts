import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * Sends keyed binary records through kcat (librdkafka's command-line producer, from Debian): a
 * producer many times cheaper per record than kafkajs, so that on a 2-core machine the bench's
 * producer does not take the CPU the consumer under test needs. Records go to kcat's stdin:
 * key, a tab, the value, then `delimiter`. kcat splits its input reliably only on a single byte
 * (its multi-byte delimiters are buggy: edenhill/kcat#140), so no value may hold that byte; a
 * value that does is refused here rather than sent as two broken records.
 */
export class KcatSender {
  private readonly child: ChildProcess;
  private readonly exited: Promise<unknown[]>;

  constructor(
    brokers: readonly string[],
    topic: string,
    headers: Record<string, string>,
    private readonly delimiter: number,
  ) {
    const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
    const hex = `\\x${delimiter.toString(16).padStart(2, '0')}`;
    this.child = spawn(
      'kcat',
      [
        '-b',
        brokers.join(','),
        '-P',
        '-t',
        topic,
        '-K',
        '\\t',
        '-D',
        hex,
        ...headerArgs,
        '-X',
        'linger.ms=5',
      ],
      {
        stdio: ['pipe', 'inherit', 'inherit'],
      },
    );
    this.exited = once(this.child, 'exit').catch((error: unknown) => {
      throw new Error(
        `kcat did not start (${String(error)}): bash scripts/stack/up.sh installs it; BENCH_PRODUCER=kafkajs needs none`,
      );
    });
  }

  /** Hands the records (each value in pieces, written in order) to kcat; resolves once its stdin has taken them. */
  async send(records: readonly { key: string; value: readonly Buffer[] }[]): Promise<void> {
    const end = Buffer.from([this.delimiter]);
    const parts: Buffer[] = [];
    for (const { key, value } of records) {
      if (key.includes('\t')) throw new Error(`a key holds a tab: ${key}`);
      for (const piece of value)
        if (piece.includes(this.delimiter))
          throw new Error(`a record value holds the delimiter byte ${this.delimiter}`);
      parts.push(Buffer.from(`${key}\t`), ...value, end);
    }
    const stdin = this.child.stdin;
    if (!stdin) throw new Error('kcat has no stdin');
    if (!stdin.write(Buffer.concat(parts)))
      await Promise.race([
        once(stdin, 'drain'),
        this.exited.then(() => Promise.reject(new Error('kcat exited'))),
      ]);
  }

  /** Ends the input and waits for kcat to deliver everything and exit. */
  async close(): Promise<void> {
    this.child.stdin?.end();
    const [code] = await this.exited;
    if (code !== 0) throw new Error(`kcat exited with ${String(code)}`);
  }
}
