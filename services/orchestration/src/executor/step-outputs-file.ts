import { existsSync, readFileSync } from 'node:fs';
import type { Value } from '@flywheel/pipelines';

/** The most bytes of outputs a process may leave: outputs are small values, not data. */
const MAX_OUTPUTS_BYTES = 1_048_576;

export type OutputsRead = { ok: true; value: Record<string, Value> } | { ok: false; error: string };

/** A process step's outputs: the JSON object it wrote to `FLYWHEEL_OUTPUTS`, or none if it wrote nothing. */
export function readStepOutputs(file: string): OutputsRead {
  if (!existsSync(file)) return { ok: true, value: {} };
  const text = readFileSync(file, 'utf8');
  if (Buffer.byteLength(text) > MAX_OUTPUTS_BYTES)
    return { ok: false, error: `outputs file ${file} is larger than ${MAX_OUTPUTS_BYTES} bytes` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `outputs file ${file} is not JSON: ${(error as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, error: `outputs file ${file} must hold a JSON object` };
  return { ok: true, value: parsed as Record<string, Value> };
}
