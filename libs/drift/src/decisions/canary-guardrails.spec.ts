import { CanaryGuardrails, CanaryObservation, evaluateCanaryGuardrails } from './canary-guardrails';

const guardrails: CanaryGuardrails = {
  errorRateMultiple: 2,
  p99LatencyMsLimit: 250,
  predictionDistanceLimit: 0.1,
  minCanaryRequests: 100,
};
const healthy: CanaryObservation = {
  canary: { requests: 500, errorRate: 0.01, p99LatencyMs: 120 },
  champion: { requests: 5000, errorRate: 0.01, p99LatencyMs: 110 },
  predictionDistance: 0.02,
};

describe('evaluateCanaryGuardrails', () => {
  it('passes a canary within every limit', () => {
    expect(evaluateCanaryGuardrails(healthy, guardrails)).toEqual({ status: 'healthy', breaches: [] });
  });

  it('returns every breached guardrail with what was observed and the limit', () => {
    const verdict = evaluateCanaryGuardrails(
      { ...healthy, canary: { requests: 500, errorRate: 0.05, p99LatencyMs: 400 }, predictionDistance: 0.3 },
      guardrails,
    );
    expect(verdict).toEqual({
      status: 'breached',
      breaches: [
        {
          guardrail: 'error-rate',
          observed: 0.05,
          limit: 0.02,
          message: 'canary error rate 0.05 > 0.02 (2 × champion 0.01)',
        },
        {
          guardrail: 'p99-latency',
          observed: 400,
          limit: 250,
          message: 'canary p99 latency 400 ms > 250 ms (champion 110 ms)',
        },
        {
          guardrail: 'prediction-distance',
          observed: 0.3,
          limit: 0.1,
          message: 'prediction distance 0.3 > 0.1',
        },
      ],
    });
  });

  it('lets an error-rate floor absorb failures when the champion has none', () => {
    const observation = {
      ...healthy,
      champion: { ...healthy.champion, errorRate: 0 },
      canary: { ...healthy.canary, errorRate: 0.002 },
    };
    expect(evaluateCanaryGuardrails(observation, guardrails).status).toBe('breached');
    expect(evaluateCanaryGuardrails(observation, { ...guardrails, errorRateFloor: 0.005 }).status).toBe(
      'healthy',
    );
  });

  it('withholds judgement until the canary has served enough requests', () => {
    const verdict = evaluateCanaryGuardrails(
      { ...healthy, canary: { ...healthy.canary, requests: 20, errorRate: 1 } },
      guardrails,
    );
    expect(verdict).toEqual({ status: 'insufficient-data', canaryRequests: 20, minCanaryRequests: 100 });
  });

  it('rejects impossible observations and limits', () => {
    expect(() =>
      evaluateCanaryGuardrails({ ...healthy, canary: { ...healthy.canary, errorRate: 2 } }, guardrails),
    ).toThrow('canary.errorRate is 2');
    expect(() => evaluateCanaryGuardrails(healthy, { ...guardrails, p99LatencyMsLimit: -1 })).toThrow(
      'invalid canary guardrails: p99LatencyMsLimit is -1',
    );
  });
});
