import { TrafficPolicyError, ValidationProblem } from '../errors';
import { DEFAULT_SHADOW_SAMPLE_PERCENT, TrafficPolicy } from './traffic-policy';
import { assertValidTrafficPolicy } from './validate-policy';

/**
 * The flat shape of the `flywheel.deployment.v1.TrafficPolicy` message (ts-proto field
 * names), where version 0 means "none". Structurally typed so this library stays free of
 * the contracts library.
 */
export interface TrafficPolicyFields {
  championVersion: number;
  canaryVersion: number;
  canaryWeightPercent: number;
  shadowVersion: number;
  stickyKeyHeader: string;
}

/** Reads a policy from its flat message form; throws `TrafficPolicyError` when it is invalid. */
export function trafficPolicyFromFields(fields: TrafficPolicyFields): TrafficPolicy {
  if (fields.canaryVersion === 0 && fields.canaryWeightPercent !== 0) {
    throw new TrafficPolicyError([
      {
        path: 'canaryWeightPercent',
        message: `is ${fields.canaryWeightPercent} but canaryVersion is 0 (no canary)`,
      },
    ]);
  }
  const policy: TrafficPolicy = { championVersion: fields.championVersion };
  if (fields.canaryVersion !== 0) {
    policy.canary = { version: fields.canaryVersion, weightPercent: fields.canaryWeightPercent };
  }
  if (fields.shadowVersion !== 0) policy.shadow = { version: fields.shadowVersion };
  if (fields.stickyKeyHeader !== '') policy.stickyKeyHeader = fields.stickyKeyHeader;
  assertValidTrafficPolicy(policy);
  return policy;
}

/**
 * Writes a policy in its flat message form. The message carries whole percents and no shadow
 * sample rate, so a policy using either throws rather than silently routing differently.
 */
export function trafficPolicyToFields(policy: TrafficPolicy): TrafficPolicyFields {
  assertValidTrafficPolicy(policy);
  const problems: ValidationProblem[] = [];
  const weight = policy.canary?.weightPercent ?? 0;
  if (!Number.isInteger(weight)) {
    problems.push({
      path: 'canary.weightPercent',
      message: `${weight} is not a whole percent, which the message cannot carry`,
    });
  }
  const sample = policy.shadow?.samplePercent ?? DEFAULT_SHADOW_SAMPLE_PERCENT;
  if (sample !== DEFAULT_SHADOW_SAMPLE_PERCENT) {
    problems.push({
      path: 'shadow.samplePercent',
      message: `${sample} is not 100, and the message mirrors every request`,
    });
  }
  if (problems.length > 0) throw new TrafficPolicyError(problems);
  return {
    championVersion: policy.championVersion,
    canaryVersion: policy.canary?.version ?? 0,
    canaryWeightPercent: weight,
    shadowVersion: policy.shadow?.version ?? 0,
    stickyKeyHeader: policy.stickyKeyHeader ?? '',
  };
}
