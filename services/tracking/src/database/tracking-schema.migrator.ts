import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { join } from 'node:path';
import { runPgMigrations } from '@flywheel/postgres';
import type { TrackingSettings } from '../config/tracking-settings';
import { TrackingDatabase } from './tracking-database';
import { TRACKING_SETTINGS } from './tracking-settings.token';

/** services/tracking/migrations, from src/ and dist/ alike. */
export const TRACKING_MIGRATIONS_DIR = join(__dirname, '..', '..', 'migrations');

/**
 * Brings the tracking schema up to date before the service serves: replicas starting together
 * queue on the migration advisory lock, and each file is applied once.
 */
@Injectable()
export class TrackingSchemaMigrator implements OnModuleInit {
  constructor(
    private readonly database: TrackingDatabase,
    @Inject(TRACKING_SETTINGS) private readonly settings: TrackingSettings,
  ) {}

  async onModuleInit(): Promise<void> {
    await runPgMigrations(this.database.pool, { schema: this.settings.schema, dir: TRACKING_MIGRATIONS_DIR });
  }
}
