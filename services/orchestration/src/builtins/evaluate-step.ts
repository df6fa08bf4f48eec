import { type GateReport, evaluateGates, parseGateConfig } from '@flywheel/quality-gates';
import { type ArtifactStore, resolveArtifactUri } from '@flywheel/storage';
import { CHAMPION_ALIAS } from '../canary/canary-controller';
import type { RegistryClient } from '../clients/registry-client';
import type { TrackingClient } from '../clients/tracking-client';
import { StepFailure, type BuiltinStepHandler } from './builtin-step-handler';
import { StepInputs } from './step-inputs';

/** Registry tag values stay under MLflow's 5000-character limit. */
const MAX_TAG_LENGTH = 5_000;

/** The report as attached to a model version: every check with its explanation. */
export function gateReportTag(report: GateReport): string {
  const lines = report.checks.map(
    (check) => `${check.outcome.toUpperCase()} ${check.metric} ${check.gate}: ${check.explanation}`,
  );
  const text = [report.summary, ...lines].join('\n');
  return text.length <= MAX_TAG_LENGTH ? text : `${text.slice(0, MAX_TAG_LENGTH - 14)}\n… (truncated)`;
}

/**
 * `evaluate`: applies the quality `gates` (a @flywheel/quality-gates config written in the
 * pipeline, so it is versioned with it) to the candidate's metrics from its tracking run
 * (`run_id`), compared with the metrics of the current champion's run. Attaches the report to
 * the version (`model_name`, `version`) as tags `flywheel.gate.passed` and
 * `flywheel.gate.report` (one line per check explaining it), and stores the full report as
 * `gate-report.json` beside the model. Failing gates do not fail the step: `passed` is false
 * and the steps that deploy are skipped by their `when`.
 */
export function evaluateStep(
  registry: RegistryClient,
  tracking: TrackingClient,
  store: ArtifactStore,
): BuiltinStepHandler {
  return async (input, context) => {
    const inputs = new StepInputs(context.step, input);
    const modelUri = inputs.string('model_uri');
    const runId = inputs.optionalString('run_id');
    if (runId === undefined)
      throw new StepFailure(
        `${context.step}: with.run_id (the candidate's tracking run) is required to read its metrics`,
        false,
      );
    let config;
    try {
      config = parseGateConfig(input.gates);
    } catch (error) {
      throw new StepFailure(`${context.step}: with.gates: ${(error as Error).message}`, false);
    }
    const candidate = await tracking.getRun(runId);
    const modelName = inputs.optionalString('model_name');
    const version = input.version === undefined ? undefined : inputs.version('version');
    const champion =
      modelName === undefined ? undefined : await registry.versionByAlias(modelName, CHAMPION_ALIAS);
    const championRun =
      champion && champion.version !== version && champion.runId !== ''
        ? await tracking.getRun(champion.runId)
        : undefined;
    const report = evaluateGates(
      config,
      { metrics: candidate.metrics },
      championRun && { metrics: championRun.metrics },
    );
    context.log(report.summary);
    for (const check of report.checks)
      context.log(`${check.outcome} ${check.metric} ${check.gate}: ${check.explanation}`);

    const reportUri = `${modelUri.replace(/\/+$/, '')}/gate-report.json`;
    const document = {
      gates: config,
      candidateRun: runId,
      championVersion: champion?.version ?? null,
      ...report,
    };
    await store.put(
      resolveArtifactUri(reportUri, [store.root]).key,
      Buffer.from(JSON.stringify(document, null, 2)),
      {
        contentType: 'application/json',
      },
    );
    if (modelName !== undefined && version !== undefined) {
      await registry.setVersionTag(modelName, version, 'flywheel.gate.passed', String(report.passed));
      await registry.setVersionTag(modelName, version, 'flywheel.gate.report', gateReportTag(report));
      await registry.setVersionTag(modelName, version, 'flywheel.gate.report_uri', reportUri);
    }
    return { passed: report.passed, metrics: candidate.metrics, report_uri: reportUri };
  };
}
