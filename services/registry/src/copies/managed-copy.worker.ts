import { sql } from 'kysely';
import { ModelVersionStatus } from '@flywheel/contracts';
import type { ArtifactStore } from '@flywheel/storage';
import type { RegistryDatabase } from '../db/registry-database';
import type { Caller } from '../domain/caller';
import type { ModelsRepository } from '../models/models.repository';
import type { RegistryMutations } from '../mutations/registry-mutations';
import { versionTarget } from '../versions/versions.service';
import type { VersionsRepository } from '../versions/versions.repository';
import { copyArtifacts } from './copy-artifacts';

/** The registry acting on its own behalf (finishing managed copies), in the audit log and events. */
export const REGISTRY_SYSTEM_CALLER: Caller = {
  principal: { id: 'registry', kind: 'service', role: 'admin', name: 'registry' },
  requestId: 'registry-managed-copy',
};

export interface ManagedCopyOptions {
  pollIntervalMs: number;
  /** How long a claimed copy is reserved for this worker before another may retry it (s). */
  claimSeconds: number;
  logger: { warn(message: string): void };
}

/**
 * Copies the artifacts of versions registered with `copy_to_managed_storage` into
 * `registry/models/<model id>/versions/<n>/` and marks them READY (or FAILED_REGISTRATION with
 * the reason), emitting VersionStatusChanged. A version is claimed for `claimSeconds`, so a
 * crashed worker's copy is retried by the next; the copy itself runs outside any transaction.
 */
export class ManagedCopyWorker {
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly database: RegistryDatabase,
    private readonly mutations: RegistryMutations,
    private readonly models: ModelsRepository,
    private readonly versions: VersionsRepository,
    private readonly store: ArtifactStore,
    private readonly options: ManagedCopyOptions,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** Copies one waiting version; false when none was waiting. */
  async copyOnce(): Promise<boolean> {
    const claimed = await this.claim();
    if (!claimed) return false;
    const destPrefix = `registry/models/${claimed.model_id}/versions/${claimed.version}`;
    try {
      const uri = await copyArtifacts(this.store, claimed.storage_uri, destPrefix);
      await this.finish(claimed.id, 'READY', '', uri);
    } catch (error) {
      await this.finish(claimed.id, 'FAILED_REGISTRATION', `copy failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return true;
  }

  private claim() {
    const db = this.database.db;
    return db
      .updateTable('model_versions')
      .set({ copy_claimed_until: sql<Date>`now() + make_interval(secs => ${this.options.claimSeconds})` })
      .where('id', '=', (eb) =>
        eb
          .selectFrom('model_versions')
          .select('id')
          .where('status', '=', 'PENDING_REGISTRATION')
          .where((w) => w.or([w('copy_claimed_until', 'is', null), w('copy_claimed_until', '<', sql<Date>`now()`)]))
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked(),
      )
      .returning(['id', 'model_id', 'version', 'storage_uri'])
      .executeTakeFirst();
  }

  private finish(versionId: string, status: 'READY' | 'FAILED_REGISTRATION', message: string, storageUri?: string): Promise<void> {
    return this.mutations.run(REGISTRY_SYSTEM_CALLER, async (m) => {
      const [row] = await this.versions.findByIds(m.db, [versionId]);
      const model = row && (await this.models.lockById(m.db, row.model_id));
      if (!row || !model || row.status !== 'PENDING_REGISTRATION') return; // deleted or finished meanwhile
      await this.versions.setStatus(m.db, row.id, status, message, storageUri);
      await m.audited({ action: 'models.register', target: versionTarget(model.name, row.version), before: { status: row.status }, after: { status, storageUri, message } });
      await m.emit(model.name, {
        versionStatusChanged: {
          version: row.version,
          fromStatus: ModelVersionStatus.PENDING_REGISTRATION,
          toStatus: status === 'READY' ? ModelVersionStatus.READY : ModelVersionStatus.FAILED_REGISTRATION,
        },
      });
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (await this.copyOnce()) continue;
      } catch (error) {
        this.options.logger.warn(`managed copy: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollIntervalMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
