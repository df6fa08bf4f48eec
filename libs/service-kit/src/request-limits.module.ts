import { type DynamicModule, Module } from '@nestjs/common';
import { RequestLimits } from './request-limits';

/** Makes the process's `RequestLimits` injectable in every module of a service's app. */
@Module({})
export class RequestLimitsModule {
  static for(limits: RequestLimits): DynamicModule {
    return {
      module: RequestLimitsModule,
      global: true,
      providers: [{ provide: RequestLimits, useValue: limits }],
      exports: [RequestLimits],
    };
  }
}
