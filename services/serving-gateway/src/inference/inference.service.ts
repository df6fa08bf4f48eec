import { randomUUID } from 'node:crypto';
import { type TrafficPolicy, route } from '@flywheel/traffic-policy';
import type { LogBuffer } from '../logging/log-buffer';
import type { InferenceRecord, ServedVariant } from '../logging/inference-log-entry';
import type { Tensor } from '../protocol/datatypes';
import { asInferenceError } from '../protocol/error-mapping';
import { InferenceError, invalidArgument } from '../protocol/inference-error';
import type { InferRequest, InferResult } from '../protocol/infer-request';
import { matchInputs, selectOutputs } from '../protocol/signature';
import type { ModelStore } from '../runtime/model-store';
import type { OnnxModel } from '../runtime/onnx-model';
import { SingleFlight } from '../runtime/single-flight';
import type { TrafficTable } from '../traffic/traffic-table';
import type { ServingMetrics } from './serving-metrics';

export interface InferenceLimits {
  /** Requests served at once; more fail with resource_exhausted (RESOURCE_EXHAUSTED / 429). */
  maxConcurrency: number;
}

/** Reads a request header (gRPC metadata or HTTP header) by lower-case name. */
export type HeaderReader = (name: string) => string | undefined;

/**
 * Serves one inference: routes by the model's traffic policy (or the explicit version asked
 * for), validates inputs against the chosen version's signature, runs it, logs the request and
 * fires the shadow copy after the answer is ready. Transport-free: controllers decode and encode.
 */
export class InferenceService {
  private inFlight = 0;
  /** One registry lookup of a champion alias at a time per model, however many requests ask. */
  private readonly aliasLookups = new SingleFlight<string, void>();

  constructor(
    private readonly models: ModelStore,
    private readonly traffic: TrafficTable,
    private readonly log: LogBuffer<InferenceRecord>,
    private readonly metrics: ServingMetrics,
    private readonly limits: InferenceLimits,
    private readonly random: () => number = Math.random,
  ) {}

  async infer(request: InferRequest, header: HeaderReader): Promise<InferResult> {
    if (this.inFlight >= this.limits.maxConcurrency) {
      this.metrics.rejectedByCap();
      throw new InferenceError('resource_exhausted', `the gateway is serving its maximum of ${this.limits.maxConcurrency} concurrent requests; retry later`);
    }
    this.inFlight++;
    try {
      return await this.serve(request, header);
    } finally {
      this.inFlight--;
    }
  }

  /** The policy in force for `model`, from deployment events or the registry's champion alias. */
  async policyFor(model: string): Promise<TrafficPolicy> {
    const now = Date.now();
    const policy = this.traffic.policyOf(model);
    if (policy) {
      if (this.traffic.aliasIsStale(model, now)) void this.refreshAlias(model).catch(() => undefined);
      return policy;
    }
    await this.refreshAlias(model);
    return this.traffic.policyOf(model) as TrafficPolicy;
  }

  /** The loaded model for a version, loading it on first use. */
  model(name: string, version: number): Promise<OnnxModel> {
    return this.models.get(name, version);
  }

  private async serve(request: InferRequest, header: HeaderReader): Promise<InferResult> {
    const started = performance.now();
    let version: number;
    let variant: ServedVariant;
    let shadowVersion: number | undefined;
    try {
      if (request.modelVersion !== '') {
        version = parseVersion(request.modelVersion);
        variant = 'unspecified';
      } else {
        const policy = await this.policyFor(request.modelName);
        const stickyKey = policy.stickyKeyHeader ? header(policy.stickyKeyHeader.toLowerCase()) : undefined;
        const decision = route(policy, { ...(stickyKey && { stickyKey }), random: this.random });
        version = decision.primary.version;
        variant = decision.primary.variant;
        shadowVersion = decision.shadow?.version;
      }
    } catch (error) {
      this.metrics.failedBeforeRouting(request.modelName);
      throw error;
    }
    const requestId = request.id || randomUUID();
    const outputs = await this.run(request, requestId, version, variant, started, true);
    if (shadowVersion !== undefined) {
      const shadow = shadowVersion;
      setImmediate(() => void this.run(request, requestId, shadow, 'shadow', performance.now(), false).catch(() => undefined));
    }
    return { modelName: request.modelName, modelVersion: version, id: request.id, outputs };
  }

  private async run(request: InferRequest, requestId: string, version: number, variant: ServedVariant, started: number, rethrow: boolean): Promise<Tensor[]> {
    const series = this.metrics.started(request.modelName, version, variant);
    let model: OnnxModel | undefined;
    let outputs: Tensor[] = [];
    let failure: InferenceError | undefined;
    try {
      model = await this.model(request.modelName, version);
      const inputs = matchInputs(model.signature, request.inputs);
      outputs = await model.run(inputs, selectOutputs(model.signature, request.outputs));
    } catch (error) {
      failure = asInferenceError(error);
    }
    const latencyMs = performance.now() - started;
    this.metrics.finished(series, latencyMs, failure !== undefined);
    this.log.offer({
      requestId,
      modelName: request.modelName,
      modelVersion: version,
      variant,
      timestampMs: Date.now(),
      inputs: request.inputs,
      featureNames: model?.featureNames,
      outputs,
      latencyMs,
      ...(failure && { error: failure.message }),
    });
    if (failure && rethrow) throw failure;
    return outputs;
  }

  /**
   * Looks the champion alias up in the registry. Requests that find the alias stale while a
   * lookup runs share it: without that, every request in the lookup's round trip started one
   * more, a burst of registry calls every TTL that stalled serving for tens of milliseconds.
   */
  private refreshAlias(model: string): Promise<void> {
    return this.aliasLookups.run(model, async () => {
      const champion = await this.models.resolve(model, { alias: 'champion' });
      this.traffic.applyAlias(model, champion.version, Date.now());
    });
  }
}

function parseVersion(value: string): number {
  const version = Number(value);
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(version) || version < 1) {
    throw invalidArgument(`model_version: expected a positive integer, got ${JSON.stringify(value.slice(0, 40))}`);
  }
  return version;
}
