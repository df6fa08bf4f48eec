import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessStepExecutor } from './process-step-executor';

describe('ProcessStepExecutor', () => {
  let runsDir: string;
  let executor: ProcessStepExecutor;
  const options = { envAllowlist: [], outputLimitBytes: 1024, killGraceMs: 200 };

  beforeEach(() => {
    runsDir = mkdtempSync(join(tmpdir(), 'orchestration-exec-'));
    executor = new ProcessStepExecutor(runsDir, options, { PATH: process.env.PATH, SECRET: 'do-not-leak' });
  });
  afterEach(() => rmSync(runsDir, { recursive: true, force: true }));

  function node(script: string, args: string[] = [], timeoutMs?: number, env: Record<string, string> = {}) {
    return executor.start({
      runId: 'run-1',
      step: 's',
      attempt: 1,
      timeoutMs,
      task: { kind: 'process', command: process.execPath, args: ['-e', script, ...args], env },
    });
  }

  it('passes each argument as one argv element, shell metacharacters included, in the run directory', async () => {
    const hostile = ['x; touch pwned', '$(touch pwned)', '`touch pwned`', 'a b\nc', '\'"|&>'];
    const outcome = await node(
      "require('fs').writeFileSync('argv.json', JSON.stringify(process.argv.slice(1)))",
      hostile,
    ).outcome;
    expect(outcome).toMatchObject({ succeeded: true, exitCode: 0 });
    expect(JSON.parse(readFileSync(join(runsDir, 'run-1', 'argv.json'), 'utf8'))).toEqual(hostile);
    expect(existsSync(join(runsDir, 'run-1', 'pwned'))).toBe(false);
  });

  it('gives the process PATH, the step env and the run identifiers, not the host secrets', async () => {
    const outcome = await node('console.log(JSON.stringify(process.env))', [], undefined, { MODE: 'fast' })
      .outcome;
    const env = JSON.parse(outcome.outputTail) as Record<string, string>;
    expect(env).toMatchObject({
      MODE: 'fast',
      FLYWHEEL_RUN_ID: 'run-1',
      FLYWHEEL_STEP: 's',
      FLYWHEEL_ATTEMPT: '1',
    });
    expect(env).not.toHaveProperty('SECRET');
  });

  it('reports a non-zero exit with its code and output', async () => {
    const outcome = await node("process.stderr.write('boom'); process.exit(3)").outcome;
    expect(outcome).toEqual({
      succeeded: false,
      message: 'exited with code 3',
      exitCode: 3,
      outputTail: 'boom',
    });
  });

  it('caps the output it keeps', async () => {
    const outcome = await node("process.stdout.write('x'.repeat(100000))").outcome;
    expect(outcome.outputTail).toBe(`[${100000 - 1024} earlier bytes dropped]\n${'x'.repeat(1024)}`);
  });

  it('stops an attempt at its timeout with SIGTERM, then SIGKILL when SIGTERM is ignored', async () => {
    const polite = await node('setInterval(() => {}, 1000)', [], 100).outcome;
    expect(polite).toMatchObject({ succeeded: false, message: 'timed out after 100ms; stopped by SIGTERM' });
    // The timeout runs from the spawn: it must outlast node's start-up, which installs the handler, under load.
    const stubborn = await node(
      "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000)",
      [],
      2_000,
    ).outcome;
    expect(stubborn).toMatchObject({
      succeeded: false,
      message: 'timed out after 2s; stopped by SIGKILL',
    });
  });

  it('fails an attempt whose command does not exist', async () => {
    const outcome = await executor.start({
      runId: 'run-1',
      step: 's',
      attempt: 1,
      timeoutMs: undefined,
      task: { kind: 'process', command: '/nonexistent/tool', args: [], env: {} },
    }).outcome;
    expect(outcome).toMatchObject({
      succeeded: false,
      message: expect.stringMatching(/^could not start \/nonexistent\/tool: .*ENOENT/),
    });
  });
});
