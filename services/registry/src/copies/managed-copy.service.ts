import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ARTIFACT_STORE } from '@flywheel/platform';
import type { ArtifactStore } from '@flywheel/storage';
import { createLogger } from '@flywheel/telemetry';
import { RegistryComponents } from '../registry-components';
import { REGISTRY_OPTIONS, type RegistryOptions } from '../registry-options';
import { ManagedCopyWorker } from './managed-copy.worker';

const STOP_TIMEOUT_MS = 5_000;

/** Runs the managed-copy worker for the life of the registry's app. */
@Injectable()
export class ManagedCopyService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly worker: ManagedCopyWorker;

  constructor(
    components: RegistryComponents,
    @Inject(ARTIFACT_STORE) store: ArtifactStore,
    @Inject(REGISTRY_OPTIONS) options: RegistryOptions,
  ) {
    const log = createLogger('registry');
    this.worker = new ManagedCopyWorker(components.database, components.mutations, components.modelsRepository, components.versionsRepository, store, {
      pollIntervalMs: options.copyPollIntervalMs,
      claimSeconds: 600,
      logger: { warn: (message) => log.warn(message) },
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  // A copy still running at shutdown is abandoned; its claim expires and the next start retries it.
  async onModuleDestroy(): Promise<void> {
    await Promise.race([this.worker.stop(), new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref())]);
  }
}
