import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStepOutputs } from './step-outputs-file';

describe('readStepOutputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'outputs-'));
  const file = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('reads a JSON object, and no file as no outputs', () => {
    expect(readStepOutputs(file('ok.json', '{"run_id":"r1","metrics":{"auc":0.9}}'))).toEqual({
      ok: true,
      value: { run_id: 'r1', metrics: { auc: 0.9 } },
    });
    expect(readStepOutputs(join(dir, 'absent.json'))).toEqual({ ok: true, value: {} });
  });

  it('refuses what is not a JSON object, saying why', () => {
    expect(readStepOutputs(file('bad.json', '{nope'))).toMatchObject({
      ok: false,
      error: expect.stringContaining('is not JSON'),
    });
    expect(readStepOutputs(file('list.json', '[1]'))).toMatchObject({
      ok: false,
      error: expect.stringContaining('must hold a JSON object'),
    });
  });
});
