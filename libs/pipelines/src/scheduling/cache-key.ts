import { createHash } from 'node:crypto';
import type { Step, StepTask } from '../pipeline';
import { canonicalJson } from './canonical-json';

// Bump when the key's contents change meaning, so old cache entries stop matching.
const CACHE_KEY_VERSION = 1;

/**
 * A SHA-256 (hex) of what determines a step's result: its task as written and its inputs
 * as resolved for this run. Name, retries, timeout, condition and dependencies are left
 * out: they change when and whether the step runs, not what it produces.
 */
export function stepCacheKey(step: Step, resolvedTask: StepTask): string {
  const identity = { version: CACHE_KEY_VERSION, definition: step.task, resolved: resolvedTask };
  return createHash('sha256').update(canonicalJson(identity)).digest('hex');
}
