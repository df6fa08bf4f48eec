import type { RequestLimitsConfig } from '@flywheel/config';

/**
 * The process's request limits, injectable by class in every service:
 * `constructor(private readonly limits: RequestLimits) {}` then
 * `const pageSize = this.limits.clampPageSize(request.maxResults)`.
 * Body size, rate and deadline are enforced by the kit; page sizes are the services' to apply.
 */
export class RequestLimits implements RequestLimitsConfig {
  readonly maxRequestBytes: number;
  readonly maxPageSize: number;
  readonly rateLimitPerSecond: number;
  readonly requestTimeoutMs: number;

  constructor(config: RequestLimitsConfig) {
    this.maxRequestBytes = config.maxRequestBytes;
    this.maxPageSize = config.maxPageSize;
    this.rateLimitPerSecond = config.rateLimitPerSecond;
    this.requestTimeoutMs = config.requestTimeoutMs;
  }

  /**
   * The page size to use for a request: `requested` when it is a positive number within the
   * limit, the limit when it is larger, and `fallback` (capped too) when unset, zero or invalid
   * (proto3 sends 0 for "not given").
   */
  clampPageSize(requested: number | undefined, fallback: number = this.maxPageSize): number {
    const wanted =
      requested !== undefined && Number.isFinite(requested) && requested >= 1 ? requested : fallback;
    return Math.max(1, Math.min(Math.floor(wanted), this.maxPageSize));
  }
}
