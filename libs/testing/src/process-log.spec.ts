import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordProcessOutput } from './process-log';
import { waitFor } from './wait-for';

describe('recordProcessOutput', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flywheel-process-log-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies stdout and stderr into the log folder while the test still reads the pipes', async () => {
    const child = spawn(process.execPath, ['-e', 'console.log("to stdout"); console.error("to stderr")']);
    recordProcessOutput(child, 'node probe', { FLYWHEEL_TEST_LOG_DIR: dir });
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    await new Promise((resolve) => child.on('close', resolve));
    const file = join(dir, `node_probe-${child.pid}.log`);
    const text = await waitFor(() => {
      const content = readdirSync(dir).length > 0 ? readFileSync(file, 'utf8') : '';
      return content.includes('to stdout') && content.includes('to stderr') ? content : undefined;
    });
    expect(text).toContain('to stderr');
    expect(seen).toBe('to stdout\n');
  });

  it('writes nothing when no log folder is configured', async () => {
    const child = spawn(process.execPath, ['-e', 'console.log("quiet")']);
    recordProcessOutput(child, 'quiet', {});
    await new Promise((resolve) => child.on('close', resolve));
    expect(readdirSync(dir)).toEqual([]);
  });
});
