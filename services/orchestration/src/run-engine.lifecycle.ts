import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { OrchestrationComponents } from './orchestration-components';

/**
 * Runs the run engine, the canary controller, schedules and trigger consumers for the life of
 * the app; on shutdown consumers stop first and the engine hands its runs over to the next instance.
 */
@Injectable()
export class RunEngineLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(private readonly components: OrchestrationComponents) {}

  onApplicationBootstrap(): Promise<void> {
    return this.components.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.components.stop();
  }
}
