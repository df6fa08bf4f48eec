import type { InferenceFeedback } from '@flywheel/contracts';
import { type InferenceError, invalidArgument } from '../protocol/inference-error';

const MAX_ENTRIES = 10_000;

/**
 * Reads `{"feedback": [{"request_id", "value", "label"?, "timestamp_ms"?}, ...]}` for `model`.
 * @throws InferenceError (400) naming the first malformed field.
 */
export function decodeFeedback(body: unknown, model: string, nowMs: number): InferenceFeedback[] {
  const entries = isRecord(body) ? body.feedback : undefined;
  if (!Array.isArray(entries)) throw invalid('feedback: expected an array of {request_id, value}');
  if (entries.length > MAX_ENTRIES) throw invalid(`feedback: at most ${MAX_ENTRIES} entries per request`);
  return entries.map((entry: unknown, i) => {
    const at = `feedback[${i}]`;
    if (!isRecord(entry)) throw invalid(`${at}: expected an object`);
    const { request_id: requestId, value, label = '', timestamp_ms: timestampMs = nowMs } = entry;
    if (typeof requestId !== 'string' || requestId === '') throw invalid(`${at}.request_id: expected a non-empty string`);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`${at}.value: expected a finite number`);
    if (typeof label !== 'string') throw invalid(`${at}.label: expected a string`);
    if (typeof timestampMs !== 'number' || !Number.isInteger(timestampMs)) {
      throw invalid(`${at}.timestamp_ms: expected an integer (ms since the epoch)`);
    }
    return { requestId, modelName: model, label, value, timestampMs };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string): InferenceError {
  return invalidArgument(message);
}
