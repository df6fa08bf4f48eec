import { encodeLogisticRegressionOnnx } from '@flywheel/onnx';
import type { ArtifactStore } from '@flywheel/storage';
import { runArtifactLocation } from '../data/run-artifact-location';
import type { TrackingClient } from '../clients/tracking-client';
import { formatDataWindow, parseDataWindow } from '../data/data-window';
import type { WindowReader } from '../data/window-reader';
import { classificationMetrics } from '../training/classification-metrics';
import { isHoldout } from '../training/holdout-split';
import {
  DEFAULT_TRAINING,
  type Example,
  predict,
  trainLogisticRegression,
} from '../training/logistic-regression';
import { StepFailure, type BuiltinStepHandler } from './builtin-step-handler';
import { StepInputs } from './step-inputs';

/** Fewer labelled rows than this cannot train and evaluate anything meaningful. */
export const MIN_TRAINING_ROWS = 20;

/**
 * `train`, the built-in trainer: logistic regression (deterministic gradient descent with L2)
 * on the `dataset` window's labelled inferences, its input columns in the order of `features`
 * (the order clients send, kept across retrains) or sorted by name when not given (feedback value ≥ 0.5 is the positive class),
 * holding out a fifth of requests by id hash for its metrics (`auc_roc`, `accuracy`,
 * `log_loss`). Logs params and metrics to a tracking run of `experiment` (default: the model
 * name), stores `model.onnx` (contract 5) in the run's artifacts (`model/`) in the artifact
 * store, and outputs `run_id` and `model_uri`: the storage URI of the directory holding
 * `model.onnx` (contract 6).
 */
export function trainStep(
  reader: WindowReader,
  tracking: TrackingClient,
  store: ArtifactStore,
): BuiltinStepHandler {
  return async (input, context) => {
    const inputs = new StepInputs(context.step, input);
    const window = parseDataWindow(inputs.string('dataset'), Date.now());
    const hyper = inputs.numberMap('hyperparameters');
    const settings = {
      iterations: hyper.iterations ?? DEFAULT_TRAINING.iterations,
      learningRate: hyper.learning_rate ?? DEFAULT_TRAINING.learningRate,
      l2: hyper.l2 ?? DEFAULT_TRAINING.l2,
    };
    const rows = await reader.rows(window);
    if (rows.length < MIN_TRAINING_ROWS)
      throw new StepFailure(
        `${formatDataWindow(window)} has ${rows.length} labelled rows; training needs at least ${MIN_TRAINING_ROWS}`,
        false,
      );
    const examples = rows.map((row) => ({
      id: row.request_id,
      example: { features: row.numeric_features, label: row.value >= 0.5 ? 1 : 0 } satisfies Example,
    }));
    const training = examples.filter((row) => !isHoldout(row.id)).map((row) => row.example);
    const holdout = examples.filter((row) => isHoldout(row.id)).map((row) => row.example);
    const columns = inputs.optionalStrings('features');
    let model;
    try {
      model = trainLogisticRegression(training, settings, columns);
    } catch (error) {
      throw new StepFailure(`${formatDataWindow(window)}: ${(error as Error).message}`, false);
    }
    const evaluated = holdout.length > 0 ? holdout : training;
    const metrics = classificationMetrics(
      evaluated.map((example) => predict(model, example)),
      evaluated.map((example) => example.label),
    );
    context.log(
      `trained on ${training.length} rows, evaluated on ${evaluated.length}: ${JSON.stringify(metrics)}`,
    );

    const experiment = inputs.optionalString('experiment') ?? window.modelName;
    const run = await tracking.createRun(
      await tracking.experimentId(experiment),
      `${context.runId}/${context.step}/${context.attempt}`,
      {
        'flywheel.pipeline_run': context.runId,
        'flywheel.trainer': 'builtin-logistic-regression',
      },
    );
    const location = runArtifactLocation(store, run.artifactUri, 'model');
    const modelUri = location.uri;
    await store.put(`${location.keyPrefix}/model.onnx`, Buffer.from(encodeLogisticRegressionOnnx(model)), {
      contentType: 'application/octet-stream',
    });
    await tracking.logBatch(
      run.runId,
      {
        dataset: formatDataWindow(window),
        features: JSON.stringify(model.featureNames),
        iterations: String(settings.iterations),
        learning_rate: String(settings.learningRate),
        l2: String(settings.l2),
        training_rows: String(training.length),
        holdout_rows: String(holdout.length),
      },
      { ...metrics },
    );
    await tracking.finishRun(run.runId, 'FINISHED');
    context.log(`tracking run ${run.runId}, model ${modelUri}/model.onnx`);
    return { run_id: run.runId, model_uri: modelUri, metrics: { ...metrics } };
  };
}
