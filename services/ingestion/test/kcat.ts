import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Produces `key:value` lines with kcat (Debian's librdkafka tool: a producer this project did not
 * write), each record with the given headers.
 */
export async function kcatProduce(brokers: readonly string[], topic: string, lines: readonly { key: string; value: string }[], headers: Record<string, string>): Promise<void> {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  const input = lines.map(({ key, value }) => `${key}\t${value}`).join('\n') + '\n';
  const child = run('kcat', ['-b', brokers.join(','), '-P', '-t', topic, '-K', '\t', ...headerArgs]);
  child.child.stdin?.end(input);
  await child;
}
