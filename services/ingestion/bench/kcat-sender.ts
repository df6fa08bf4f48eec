import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';

/**
 * Sends keyed binary records through kcat (librdkafka's command-line producer, from Debian): a
 * producer many times cheaper per record than kafkajs, so that on a 2-core machine the bench's
 * producer does not take the CPU the consumer under test needs. Records are written to kcat's
 * stdin, key and value split by random 16-byte delimiters (a value that holds one is refused).
 */
export class KcatSender {
  private readonly keyDelimiter = randomBytes(16);
  private readonly recordDelimiter = randomBytes(16);
  private readonly child: ChildProcess;
  private readonly exited: Promise<unknown[]>;

  constructor(brokers: readonly string[], topic: string, headers: Record<string, string>) {
    const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
    this.child = spawn(
      'kcat',
      [
        '-b',
        brokers.join(','),
        '-P',
        '-t',
        topic,
        '-K',
        escaped(this.keyDelimiter),
        '-D',
        escaped(this.recordDelimiter),
        ...headerArgs,
        '-X',
        'linger.ms=5',
      ],
      { stdio: ['pipe', 'inherit', 'inherit'] },
    );
    this.exited = once(this.child, 'exit');
  }

  /** Hands the records (each value in pieces, written in order) to kcat; resolves once its stdin has taken them (waits when it is behind). */
  async send(records: readonly { key: string; value: readonly Buffer[] }[]): Promise<void> {
    const parts: Buffer[] = [];
    for (const { key, value } of records) {
      // A guard: a random 16-byte delimiter turns up in data with odds of 2^-128 a position.
      if (value.some((piece) => piece.includes(this.recordDelimiter)))
        throw new Error('a record value holds the delimiter');
      parts.push(Buffer.from(key), this.keyDelimiter, ...value, this.recordDelimiter);
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

/** `\xNN` for each byte: kcat's delimiter syntax. */
function escaped(bytes: Buffer): string {
  return [...bytes].map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('');
}
