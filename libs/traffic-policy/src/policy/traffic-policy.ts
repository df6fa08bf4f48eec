/**
 * How the serving gateway splits one model's requests between registry versions. The
 * champion answers every request not sent to the canary; the shadow (if any) receives a
 * copy of sampled requests and its answer is logged, never returned.
 */
export interface TrafficPolicy {
  championVersion: number;
  canary?: CanaryTraffic;
  shadow?: ShadowTraffic;
  /**
   * Request header whose value is the sticky key (carried for the gateway; routing itself
   * takes the key value). Absent or empty: each request is routed independently.
   */
  stickyKeyHeader?: string;
}

export interface CanaryTraffic {
  version: number;
  /** Share of requests answered by the canary: 0-100 in steps of 0.01 (one basis point). */
  weightPercent: number;
}

export interface ShadowTraffic {
  version: number;
  /** Share of requests mirrored to the shadow: 0-100 in steps of 0.01; default 100. */
  samplePercent?: number;
}

export const DEFAULT_SHADOW_SAMPLE_PERCENT = 100;

/** The policy that sends everything to `championVersion`: no canary, no shadow. */
export function championOnly(championVersion: number): TrafficPolicy {
  return { championVersion };
}
