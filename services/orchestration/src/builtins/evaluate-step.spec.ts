import { evaluateGates, parseGateConfig } from '@flywheel/quality-gates';
import { gateReportTag } from './evaluate-step';

describe('gateReportTag', () => {
  it('explains every check on its own line under the summary', () => {
    const config = parseGateConfig({ version: 1, metrics: { auc_roc: 0.87, auc_roc_delta: 0.005 } });
    const report = evaluateGates(config, { metrics: { auc_roc: 0.861 } }, { metrics: { auc_roc: 0.85 } });
    const lines = gateReportTag(report).split('\n');
    expect(lines[0]).toBe(report.summary);
    expect(lines.slice(1)).toEqual([
      'FAILED auc_roc min: auc_roc 0.861 is below the minimum 0.87',
      expect.stringMatching(/^PASSED auc_roc min_delta_vs_champion: auc_roc improved by 0.011/),
    ]);
  });
});
