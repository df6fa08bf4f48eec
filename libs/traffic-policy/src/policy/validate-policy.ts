import { TrafficPolicyError, ValidationProblem } from '../errors';
import { percentProblem } from './basis-points';
import { describeValue } from './describe-value';
import { TrafficPolicy } from './traffic-policy';
import { versionProblem } from './version-number';

/**
 * Every defect of `policy`, with its path; an empty list means the gateway can route with it.
 * Checks run on the runtime values, so a policy decoded from JSON or protobuf is safe to pass.
 */
export function validateTrafficPolicy(policy: TrafficPolicy): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const report = (path: string, message: string | undefined): void => {
    if (message !== undefined) problems.push({ path, message });
  };
  if (typeof policy !== 'object' || policy === null) {
    return [{ path: '', message: `must be an object, got ${describeValue(policy)}` }];
  }
  const { championVersion, canary, shadow, stickyKeyHeader } = policy;
  report('championVersion', versionProblem(championVersion));
  if (canary !== undefined && canary !== null) {
    report('canary.version', versionProblem(canary.version));
    if (canary.version === championVersion) {
      report(
        'canary.version',
        `equals championVersion ${championVersion}: a canary must be a different version`,
      );
    }
    report('canary.weightPercent', percentProblem(canary.weightPercent));
  }
  if (shadow !== undefined && shadow !== null) {
    report('shadow.version', versionProblem(shadow.version));
    if (shadow.samplePercent !== undefined)
      report('shadow.samplePercent', percentProblem(shadow.samplePercent));
    if (shadow.version === championVersion) {
      report(
        'shadow.version',
        `equals championVersion ${championVersion}: a shadow must be a different version`,
      );
    }
    if (canary && shadow.version === canary.version) {
      report(
        'shadow.version',
        `equals canary.version ${canary.version}: one version cannot be both canary and shadow`,
      );
    }
  }
  if (stickyKeyHeader !== undefined && typeof stickyKeyHeader !== 'string') {
    report('stickyKeyHeader', `must be a string, got ${typeof stickyKeyHeader}`);
  }
  return problems;
}

/** Throws a `TrafficPolicyError` listing every defect when `policy` is not valid. */
export function assertValidTrafficPolicy(policy: TrafficPolicy): void {
  const problems = validateTrafficPolicy(policy);
  if (problems.length > 0) throw new TrafficPolicyError(problems);
}
