import type { PlatformConfig } from '@flywheel/config';
import type { PlatformResources } from '@flywheel/platform';
import type { ServiceHostOptions } from '@flywheel/service-kit';

/**
 * How this process hosts its services, from configuration: addresses, authentication, TLS and
 * limits. With authentication on, the key store (and the OIDC verifier when configured) opens
 * here, so a database that cannot be reached stops the start instead of failing every call;
 * with it off, nothing of the identity schema is touched.
 */
export async function hostOptions(
  config: PlatformConfig,
  resources: PlatformResources,
  renderMetrics: () => Promise<string>,
): Promise<ServiceHostOptions> {
  const auth: ServiceHostOptions['auth'] = config.auth.enabled
    ? { enabled: true, authenticator: (await resources.identity()).authenticator }
    : { enabled: false };
  return {
    host: config.bindHost,
    adminPort: config.adminPort,
    renderMetrics,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    auth,
    limits: config.limits,
    ...(config.tls && { tls: config.tls }),
  };
}
