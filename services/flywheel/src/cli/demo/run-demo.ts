import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PlatformConfig } from '@flywheel/config';
import { orchestrationV1, type registryV1 } from '@flywheel/contracts';
import { encodeLogisticRegressionOnnx } from '@flywheel/onnx';
import { FIRST_MODEL } from './churn-world';
import { demoMonitoringTag } from './demo-monitoring';
import { connectDemoPlatform, type DemoPlatform } from './demo-platform';
import { featureDriftGauges } from './drift-gauges';
import { DemoStepError, Narrator, waitForStep } from './narrator';
import { steadyReferenceProfile } from './reference-profile';
import { retrainPipelineYaml } from './retrain-pipeline';
import { TrafficSender } from './traffic-sender';

export interface DemoOptions {
  modelName: string;
  /** Seconds of steady traffic before the shift. */
  steadySeconds: number;
  /** How long each awaited step may take. */
  stepTimeoutMs: number;
  /** Monitoring window of the demo model (its `flywheel.monitoring` tag). */
  windowSeconds: number;
}

/** Runs the demo against a running platform; 0 once the retrained champion serves, 1 on a failed step. */
export async function runDemo(options: DemoOptions, config: PlatformConfig): Promise<number> {
  const narrator = new Narrator();
  const platform = connectDemoPlatform(config);
  const traffic = new TrafficSender(platform.gatewayUrl, options.modelName, platform.httpHeaders);
  try {
    await demoLoop(options, platform, traffic, narrator);
    return 0;
  } catch (error) {
    if (!(error instanceof DemoStepError)) throw error;
    process.stderr.write(`flywheel demo: ${error.message}\n`);
    return 1;
  } finally {
    await traffic.stop();
    platform.close();
  }
}

async function demoLoop(options: DemoOptions, platform: DemoPlatform, traffic: TrafficSender, narrator: Narrator): Promise<void> {
  const { modelName: model, stepTimeoutMs: timeout } = options;
  const pipelineName = `${model}-retrain`;
  await waitForStep('platform ready', timeout, async () => ((await fetch(`${platform.gatewayUrl}/v2/health/ready`)).ok ? true : undefined));
  narrator.say(`platform is up (gateway ${platform.gatewayUrl}, artifacts ${platform.artifactUri})`);

  await step('register model', () => registerFirstVersion(platform, model, options.windowSeconds));
  narrator.say(`registered ${model} v1 (logistic regression on tenure_months, monthly_charges) with its training reference profile`);
  narrator.say(`monitoring watches ${model} in ${options.windowSeconds}-second windows and asks for a retrain after 2 drifted ones (its flywheel.monitoring tag)`);
  await step('register pipeline', () => platform.orchestration.call('registerPipeline', { yaml: retrainPipelineYaml(pipelineName, model) }));
  narrator.say(`registered pipeline ${pipelineName}: retrain.requested → validate → train → register → gate → canary → promote`);
  await step('deploy v1', () => platform.registry.call('setRegisteredModelAlias', { name: model, alias: 'champion', version: 1 }));

  traffic.start();
  await waitForStep('v1 serving', timeout, () => Promise.resolve(traffic.takeServed().get(1)));
  narrator.say(`champion v1 is serving; sending 200 customers/s with their churn outcomes as feedback`);
  await new Promise((resolve) => setTimeout(resolve, options.steadySeconds * 1000));
  traffic.population = 'shifted';
  narrator.say('the data shifts: a campaign brings in new customers (tenure ~8 months, charges ~100)');

  const drifted = await waitForStep('drift detected', timeout, async () => {
    const gauges = featureDriftGauges(await (await fetch(`${platform.adminUrl}/metrics`)).text(), model);
    // Both features move; a lone drifted feature can still be a steady window's sampling noise.
    return gauges.length > 0 && gauges.every((gauge) => gauge.drifted) ? gauges : undefined;
  });
  narrator.say(`drift detected: ${drifted.map((g) => `${g.feature} (${g.test} ${g.score.toFixed(2)})`).join(', ')}`);

  const runId = await waitForStep('retrain requested', timeout, async () => {
    const { runs } = await platform.orchestration.call<orchestrationV1.ListRunsResponse>('listRuns', { pipelineName, limit: 1 });
    return runs[0]?.runId;
  });
  narrator.say(`monitoring asked for a retrain; pipeline run ${runId} started`);
  const run = await followRun(platform, runId, timeout, narrator, traffic);
  if (run.status !== orchestrationV1.RunStatus.SUCCEEDED) throw new DemoStepError(`step "retrain run" ended ${describeRun(run)}`);
  const promote = run.steps.find((stepRun) => stepRun.name === 'promote');
  if (promote?.status !== 'succeeded') throw new DemoStepError(`step "promotion" did not run: ${promote?.message ?? 'no promote step'}`);

  const champion = await waitForStep('promotion', timeout, async () => {
    const { modelVersion } = await platform.registry.call<registryV1.GetModelVersionByAliasResponse>('getModelVersionByAlias', { name: model, alias: 'champion' });
    return modelVersion && modelVersion.version > 1 ? modelVersion.version : undefined;
  });
  narrator.say(`promoted: champion is now v${champion}`);
  traffic.takeServed();
  await waitForStep('new champion serving', timeout, () => Promise.resolve(traffic.takeServed().get(champion)));
  narrator.say(`v${champion} serves ${model}: the loop is closed`);

  async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new DemoStepError(`step "${name}" failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

async function registerFirstVersion(platform: DemoPlatform, model: string, windowSeconds: number): Promise<void> {
  const dir = join(platform.artifactDir, 'demo', model, 'v1');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'model.onnx'), encodeLogisticRegressionOnnx(FIRST_MODEL));
  await platform.registry.call('createRegisteredModel', { name: model, description: 'flywheel demo: churn risk' });
  await platform.registry.call('setRegisteredModelTag', { name: model, ...demoMonitoringTag(windowSeconds) });
  await platform.registry.call('createModelVersion', { name: model, source: pathToFileURL(dir).href });
  await platform.registry.call('setReferenceProfile', { name: model, version: 1, profile: steadyReferenceProfile() });
}

/** Narrates each step's changes until the run ends, with the canary's share of traffic while it rolls out. */
async function followRun(platform: DemoPlatform, runId: string, timeout: number, narrator: Narrator, traffic: TrafficSender): Promise<orchestrationV1.PipelineRun> {
  const seen = new Map<string, string>();
  return waitForStep('retrain run', timeout * 2, async () => {
    const { run } = await platform.orchestration.call<orchestrationV1.GetRunResponse>('getRun', { runId });
    if (!run) return undefined;
    for (const stepRun of run.steps) {
      if (seen.get(stepRun.name) === stepRun.status) continue;
      seen.set(stepRun.name, stepRun.status);
      if (stepRun.status !== 'pending') narrator.say(describeStep(stepRun));
    }
    if (seen.get('deploy-canary') === 'running') {
      const served = traffic.takeServed();
      const total = [...served.values()].reduce((sum, rows) => sum + rows, 0);
      const shares = [...served].sort(([a], [b]) => a - b).map(([version, rows]) => `v${version} ${Math.round((100 * rows) / total)}%`);
      if (total > 0) narrator.say(`  canary traffic: ${shares.join(', ')}`);
    }
    return run.status === orchestrationV1.RunStatus.RUNNING ? undefined : run;
  }, 1_000);
}

function describeStep(step: orchestrationV1.StepRun): string {
  const outputs = JSON.parse(step.outputsJson || '{}') as Record<string, unknown>;
  const detail: Record<string, () => string> = {
    'validate-data': () => `${String(outputs.row_count)} labelled rows`,
    train: () => `tracking run ${String(outputs.run_id)}`,
    register: () => `version ${String(outputs.version)}`,
    evaluate: () => (outputs.passed === true ? 'quality gates passed' : 'quality gates FAILED'),
    'deploy-canary': () => (outputs.healthy === true ? 'canary healthy through every step' : 'canary rolled back'),
    promote: () => 'alias champion moved',
  };
  const extra = step.status === 'succeeded' ? detail[step.name]?.() : step.message || undefined;
  return `step ${step.name}: ${step.status}${extra ? ` — ${extra}` : ''}`;
}

function describeRun(run: orchestrationV1.PipelineRun): string {
  const failed = run.steps.filter((step) => step.status === 'failed').map((step) => `${step.name}: ${step.message}`);
  return `with status ${run.status}${failed.length > 0 ? ` (${failed.join('; ')})` : ''}`;
}
