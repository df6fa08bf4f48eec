import { QualityGateConfig } from '../config/gate-config';
import { deltaCheck } from './delta-check';
import { GateCheck } from './gate-check';
import { sliceDisparityCheck } from './slice-disparity-check';
import { EvaluationSnapshot, assertSnapshotShape, readMetric } from './snapshot';
import { thresholdCheck } from './threshold-check';

export interface GateReport {
  /** True when no check failed (skipped checks do not fail the report). */
  passed: boolean;
  configVersion: string;
  /** One check per gate, in config order: per metric min/max then delta, then slice disparities. */
  checks: GateCheck[];
  /** One line, e.g. "failed: 2 of 5 checks failed (auc_roc min, auc_roc min_delta_vs_champion)". */
  summary: string;
}

/**
 * Evaluates a candidate against normalised gates (see `parseGateConfig`), comparing with the
 * champion where a gate asks for improvement. Pure; throws `GateInputError` only for
 * malformed snapshots, never for missing or NaN metrics, which fail their checks instead.
 */
export function evaluateGates(
  config: QualityGateConfig,
  candidate: EvaluationSnapshot,
  champion?: EvaluationSnapshot,
): GateReport {
  assertSnapshotShape(candidate, 'candidate');
  if (champion !== undefined) assertSnapshotShape(champion, 'champion');
  const checks: GateCheck[] = [];
  for (const gate of config.metrics) {
    const reading = readMetric(candidate, gate.metric);
    if (gate.min !== undefined) checks.push(thresholdCheck(gate.metric, 'min', gate.min, reading));
    if (gate.max !== undefined) checks.push(thresholdCheck(gate.metric, 'max', gate.max, reading));
    if (gate.minDeltaVsChampion !== undefined) {
      checks.push(
        deltaCheck(
          { ...gate, minDeltaVsChampion: gate.minDeltaVsChampion },
          {
            candidate: reading,
            champion: champion && readMetric(champion, gate.metric),
            onMissingChampion: config.onMissingChampion,
          },
        ),
      );
    }
  }
  for (const gate of config.slices) checks.push(sliceDisparityCheck(gate, candidate));
  const passed = checks.every((c) => c.passed);
  return { passed, configVersion: config.version, checks, summary: summarize(checks) };
}

function summarize(checks: GateCheck[]): string {
  const failed = checks.filter((c) => c.outcome === 'failed');
  const skipped = checks.filter((c) => c.outcome === 'skipped').length;
  const skippedNote = skipped > 0 ? `; ${skipped} skipped` : '';
  if (failed.length === 0)
    return `passed: ${checks.length - skipped} of ${checks.length} checks passed${skippedNote}`;
  const names = failed.map((c) => `${c.metric} ${c.gate}`).join(', ');
  return `failed: ${failed.length} of ${checks.length} checks failed (${names})${skippedNote}`;
}
