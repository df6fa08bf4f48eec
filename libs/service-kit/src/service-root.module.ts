import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { authGuardProviders } from './auth-providers';
import type { CredentialAuthenticator } from './auth-tokens';
import type { CallRateLimiter } from './call-rate-limiter';
import { GrpcHealthController } from './grpc-health.controller';
import { HandlerDeadlineInterceptor } from './handler-deadline.interceptor';
import { effectiveRouteTable } from './kit-routes';
import type { RequestLimits } from './request-limits';
import { RequestLimitsModule } from './request-limits.module';
import type { ServiceDefinition } from './service-definition';
import { ServiceHealth } from './service-health';

/** What the process decides for every service it runs: authentication and limits. */
export interface ProcessAccess {
  auth: { enabled: boolean; authenticator?: CredentialAuthenticator };
  rateLimiter?: CallRateLimiter;
  limits: RequestLimits;
}

/**
 * The root of one service's Nest app: the service's module plus the kit's wiring: health,
 * `AuthGuard` over the service's route table (and the kit's own routes), the rate limit, the
 * handler deadline and the injectable `RequestLimits`.
 */
@Module({})
export class ServiceRootModule {
  static for(definition: ServiceDefinition, health: ServiceHealth, access: ProcessAccess): DynamicModule {
    return {
      module: ServiceRootModule,
      imports: [RequestLimitsModule.for(access.limits), ...(definition.imports ?? []), definition.module],
      controllers: definition.grpc ? [GrpcHealthController] : [],
      providers: [
        { provide: ServiceHealth, useValue: health },
        ...authGuardProviders({
          routes: effectiveRouteTable(definition.routes, definition.grpc !== undefined),
          enabled: access.auth.enabled,
          ...(access.auth.authenticator && { authenticator: access.auth.authenticator }),
          ...(access.rateLimiter && { rateLimiter: access.rateLimiter }),
        }),
        { provide: APP_INTERCEPTOR, useClass: HandlerDeadlineInterceptor },
      ],
    };
  }
}
