import type { z } from 'zod';
import { integerVariable } from './variables';

const MIB = 1024 * 1024;

/** Limits every service applies to what callers may ask of it. */
export const limitVariables = {
  FLYWHEEL_MAX_REQUEST_BYTES: integerVariable({
    default: 16 * MIB,
    min: 1024,
    max: 1024 * MIB,
    what: 'bytes',
  }).describe('largest HTTP request body and gRPC message accepted, in bytes (default 16 MiB)'),
  FLYWHEEL_MAX_PAGE_SIZE: integerVariable({
    default: 1000,
    min: 1,
    max: 100_000,
    what: 'a page size',
  }).describe('most items a list or search call returns per page (default 1000)'),
  FLYWHEEL_RATE_LIMIT_PER_SECOND: integerVariable({
    default: 200,
    min: 0,
    max: 1_000_000,
    what: 'calls per second',
  }).describe('mutating calls per caller per second, bursts up to twice that (default 200; 0: no limit)'),
  FLYWHEEL_REQUEST_TIMEOUT_MS: integerVariable({
    default: 30_000,
    min: 100,
    max: 3_600_000,
    what: 'milliseconds',
  }).describe('how long a gRPC or HTTP handler may take before the call fails (default 30000)'),
};

export type LimitVariables = z.output<z.ZodObject<typeof limitVariables>>;

export interface RequestLimitsConfig {
  /** Largest HTTP body and gRPC message received. */
  maxRequestBytes: number;
  /** Most items per page of a list or search. */
  maxPageSize: number;
  /** Mutating calls per principal per second (burst twice that); 0 turns the limit off. */
  rateLimitPerSecond: number;
  /** Handler deadline for gRPC calls and HTTP requests. */
  requestTimeoutMs: number;
}

export function limitsConfigOf(v: LimitVariables): RequestLimitsConfig {
  return {
    maxRequestBytes: v.FLYWHEEL_MAX_REQUEST_BYTES,
    maxPageSize: v.FLYWHEEL_MAX_PAGE_SIZE,
    rateLimitPerSecond: v.FLYWHEEL_RATE_LIMIT_PER_SECOND,
    requestTimeoutMs: v.FLYWHEEL_REQUEST_TIMEOUT_MS,
  };
}
