import { CallRateLimiter } from './call-rate-limiter';
import { RequestLimits } from './request-limits';
import type { ServiceAppSettings } from './service-app';
import type { ServiceHostOptions } from './service-host';
import { grpcServerCredentials } from './tls-credentials';

/** What every service app of the process gets from the host's options: access, limits, transport security. */
export function appSettings(options: ServiceHostOptions): ServiceAppSettings {
  const limits = new RequestLimits(options.limits);
  // The limit is per key: with authentication off there are no keys to tell callers apart, and
  // one bucket for everybody would throttle a local training script against itself.
  const rateLimiter = options.auth.enabled ? CallRateLimiter.perSecond(limits.rateLimitPerSecond) : undefined;
  const credentials = grpcServerCredentials(options.tls);
  return {
    host: options.host,
    access: { auth: options.auth, limits, ...(rateLimiter && { rateLimiter }) },
    grpc: { maxReceiveMessageLength: limits.maxRequestBytes, ...(credentials && { credentials }) },
    http: { maxRequestBytes: limits.maxRequestBytes, ...(options.tls && { tls: options.tls }) },
  };
}
