import { Module, type DynamicModule } from '@nestjs/common';
import { GrpcHealthController } from './grpc-health.controller';
import type { ServiceDefinition } from './service-definition';
import { ServiceHealth } from './service-health';

/** The root of one service's Nest app: the service's module plus the kit's health wiring. */
@Module({})
export class ServiceRootModule {
  static for(definition: ServiceDefinition, health: ServiceHealth): DynamicModule {
    return {
      module: ServiceRootModule,
      imports: [...(definition.imports ?? []), definition.module],
      controllers: definition.grpc ? [GrpcHealthController] : [],
      providers: [{ provide: ServiceHealth, useValue: health }],
    };
  }
}
