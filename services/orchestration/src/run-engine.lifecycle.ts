import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { RunEngine } from './runs/run-engine';

/** Runs the run engine for the life of the app; on shutdown it hands its runs over to the next instance. */
@Injectable()
export class RunEngineLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(private readonly engine: RunEngine) {}

  onApplicationBootstrap(): void {
    this.engine.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.engine.stop();
  }
}
