import { createHash } from 'node:crypto';
import type { TimeWindow } from './window';

// Keys derived only from what identifies the fact (model, version, window, action), so a window
// reprocessed after a crash produces byte-identical ids and consumers drop the repeat.

/** Id of the DriftReport for one model version's window. */
export function driftReportId(modelName: string, modelVersion: number, window: TimeWindow): string {
  return digest(['drift-report', modelName, modelVersion, window.startMs, window.endMs]);
}

/** command_id of the retrain requested by the drift streak that ended in `window`. */
export function retrainCommandId(modelName: string, modelVersion: number, window: TimeWindow): string {
  return digest(['retrain', modelName, modelVersion, window.startMs, window.endMs]);
}

/** command_id of the rollback of a canary version: one per canary version, whichever window breached. */
export function rollbackCommandId(modelName: string, canaryVersion: number): string {
  return digest(['rollback', modelName, canaryVersion]);
}

function digest(parts: ReadonlyArray<string | number>): string {
  // JSON keeps the parts apart: ("a:b", "c") and ("a", "b:c") never collide.
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}
