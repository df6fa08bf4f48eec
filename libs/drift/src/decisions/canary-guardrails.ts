import { DriftInputError } from '../errors';

/** Health of one deployment (champion or canary) over the same window. */
export interface DeploymentHealth {
  requests: number;
  /** Failed requests / requests, in [0, 1]. */
  errorRate: number;
  p99LatencyMs: number;
}

export interface CanaryObservation {
  canary: DeploymentHealth;
  champion: DeploymentHealth;
  /** Distance between canary and champion prediction distributions (e.g. Jensen-Shannon). */
  predictionDistance: number;
}

export interface CanaryGuardrails {
  /** Breach when canary error rate > this multiple of the champion's (e.g. 2). */
  errorRateMultiple: number;
  /**
   * Error rates at or below this never breach (default 0), so a canary against an error-free
   * champion is not rolled back for a single failure when the caller allows some slack.
   */
  errorRateFloor?: number;
  /** Breach when canary p99 latency > this many milliseconds. */
  p99LatencyMsLimit: number;
  /** Breach when the prediction distance > this. */
  predictionDistanceLimit: number;
  /** Below this many canary requests the evaluation reports 'insufficient-data' (default 1). */
  minCanaryRequests?: number;
}

export type GuardrailName = 'error-rate' | 'p99-latency' | 'prediction-distance';

/** Evidence for one breached guardrail: what was seen and the limit it crossed. */
export interface GuardrailBreach {
  guardrail: GuardrailName;
  observed: number;
  limit: number;
  message: string;
}

export type CanaryVerdict =
  | { status: 'insufficient-data'; canaryRequests: number; minCanaryRequests: number }
  | { status: 'healthy'; breaches: [] }
  | { status: 'breached'; breaches: GuardrailBreach[] };

/** Checks a canary window against its guardrails; every breach is returned with its evidence. */
export function evaluateCanaryGuardrails(
  observation: CanaryObservation,
  guardrails: CanaryGuardrails,
): CanaryVerdict {
  assertObservation(observation);
  assertGuardrails(guardrails);
  const minCanaryRequests = guardrails.minCanaryRequests ?? 1;
  if (observation.canary.requests < minCanaryRequests) {
    return { status: 'insufficient-data', canaryRequests: observation.canary.requests, minCanaryRequests };
  }
  const breaches: GuardrailBreach[] = [];
  const { canary, champion, predictionDistance } = observation;
  const errorLimit = Math.max(
    guardrails.errorRateMultiple * champion.errorRate,
    guardrails.errorRateFloor ?? 0,
  );
  if (canary.errorRate > errorLimit) {
    breaches.push({
      guardrail: 'error-rate',
      observed: canary.errorRate,
      limit: errorLimit,
      message: `canary error rate ${canary.errorRate} > ${errorLimit} (${guardrails.errorRateMultiple} × champion ${champion.errorRate})`,
    });
  }
  if (canary.p99LatencyMs > guardrails.p99LatencyMsLimit) {
    breaches.push({
      guardrail: 'p99-latency',
      observed: canary.p99LatencyMs,
      limit: guardrails.p99LatencyMsLimit,
      message: `canary p99 latency ${canary.p99LatencyMs} ms > ${guardrails.p99LatencyMsLimit} ms (champion ${champion.p99LatencyMs} ms)`,
    });
  }
  if (predictionDistance > guardrails.predictionDistanceLimit) {
    breaches.push({
      guardrail: 'prediction-distance',
      observed: predictionDistance,
      limit: guardrails.predictionDistanceLimit,
      message: `prediction distance ${predictionDistance} > ${guardrails.predictionDistanceLimit}`,
    });
  }
  return breaches.length === 0 ? { status: 'healthy', breaches: [] } : { status: 'breached', breaches };
}

function assertObservation(observation: CanaryObservation): void {
  for (const side of ['canary', 'champion'] as const) {
    const health = observation[side];
    if (!(health.errorRate >= 0 && health.errorRate <= 1)) {
      throw new DriftInputError(`${side}.errorRate is ${health.errorRate}; expected [0, 1]`);
    }
    if (!(health.requests >= 0) || !(health.p99LatencyMs >= 0)) {
      throw new DriftInputError(`${side}: requests and p99LatencyMs must be non-negative numbers`);
    }
  }
  if (!(observation.predictionDistance >= 0)) {
    throw new DriftInputError(`predictionDistance is ${observation.predictionDistance}; expected ≥ 0`);
  }
}

function assertGuardrails(guardrails: CanaryGuardrails): void {
  const limits: Array<[string, number | undefined]> = [
    ['errorRateMultiple', guardrails.errorRateMultiple],
    ['errorRateFloor', guardrails.errorRateFloor],
    ['p99LatencyMsLimit', guardrails.p99LatencyMsLimit],
    ['predictionDistanceLimit', guardrails.predictionDistanceLimit],
    ['minCanaryRequests', guardrails.minCanaryRequests],
  ];
  const invalid = limits.filter(
    ([, value]) => value !== undefined && !(value >= 0 && Number.isFinite(value)),
  );
  if (invalid.length > 0) {
    const listed = invalid.map(([name, value]) => `${name} is ${value}`).join(', ');
    throw new DriftInputError(`invalid canary guardrails: ${listed}; limits must be finite and non-negative`);
  }
}
