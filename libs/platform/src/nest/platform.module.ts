import { Module, Scope, type DynamicModule, type Provider } from '@nestjs/common';
import { PlatformResources } from '../platform-resources';
import { ARTIFACT_STORE, AUDIT_LOG, CLICKHOUSE, EVENT_BUS, PG_POOL } from './platform-tokens';

/**
 * Makes the process's resources injectable in every module of a service's Nest app. The
 * tokens are transient providers because Nest builds every singleton provider at start-up,
 * which would start every embedded server; transient ones are built only when injected, so
 * a resource opens only for a service that asks for it. Each injection gets the same shared
 * client. Nest does not close them: the process closes `resources` after every app closed.
 */
@Module({})
export class PlatformModule {
  static forResources(resources: PlatformResources): DynamicModule {
    const providers: Provider[] = [
      { provide: PlatformResources, useValue: resources },
      { provide: EVENT_BUS, scope: Scope.TRANSIENT, useFactory: () => resources.eventBus() },
      { provide: PG_POOL, scope: Scope.TRANSIENT, useFactory: () => resources.postgres() },
      { provide: CLICKHOUSE, scope: Scope.TRANSIENT, useFactory: () => resources.clickhouse() },
      { provide: ARTIFACT_STORE, scope: Scope.TRANSIENT, useFactory: () => resources.artifactStore() },
      { provide: AUDIT_LOG, scope: Scope.TRANSIENT, useFactory: () => resources.auditLog() },
    ];
    return {
      module: PlatformModule,
      global: true,
      providers,
      exports: [PlatformResources, EVENT_BUS, PG_POOL, CLICKHOUSE, ARTIFACT_STORE, AUDIT_LOG],
    };
  }
}
