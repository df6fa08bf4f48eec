import { type TrafficPolicy, type TrafficPolicyFields, championOnly, trafficPolicyFromFields } from '@flywheel/traffic-policy';

interface Entry {
  policy: TrafficPolicy;
  /** From a deployment event (authoritative) or from the registry's champion alias (fallback). */
  origin: 'event' | 'alias';
  at: number;
}

/**
 * The traffic policy in force per model. Deployment events win; a model without one is served
 * by its `champion` alias, looked up on first use and refreshed after `aliasTtlMs`. Swapping a
 * policy replaces one Map entry, so a request routes on the old or the new policy, never half.
 */
export class TrafficTable {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly aliasTtlMs: number) {}

  /** Applies a deployment event's policy. @throws TrafficPolicyError when it is invalid. */
  applyEvent(model: string, fields: TrafficPolicyFields, now: number): void {
    this.entries.set(model, { policy: trafficPolicyFromFields(fields), origin: 'event', at: now });
  }

  /** Records the champion alias's version for a model that has no deployment event. */
  applyAlias(model: string, championVersion: number, now: number): void {
    if (this.entries.get(model)?.origin === 'event') return;
    this.entries.set(model, { policy: championOnly(championVersion), origin: 'alias', at: now });
  }

  /** The policy, or undefined when the model has none yet. */
  policyOf(model: string): TrafficPolicy | undefined {
    return this.entries.get(model)?.policy;
  }

  /** True when the model's policy came from its alias and is older than the TTL. */
  aliasIsStale(model: string, now: number): boolean {
    const entry = this.entries.get(model);
    return entry?.origin === 'alias' && now - entry.at >= this.aliasTtlMs;
  }

  models(): string[] {
    return [...this.entries.keys()];
  }
}
