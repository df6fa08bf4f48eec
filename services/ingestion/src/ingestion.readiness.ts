import { Inject, Injectable } from '@nestjs/common';
import type { ClickHouseClient } from '@flywheel/clickhouse';
import { CLICKHOUSE } from '@flywheel/platform';
import { ReadinessProbe, checkDependency, type DependencyStatus } from '@flywheel/service-kit';
import { IngestionService } from './ingestion.service';

/** Ingestion is ready when its ClickHouse schema is applied and answers, and its consumer has joined the group. */
@Injectable()
export class IngestionReadiness extends ReadinessProbe {
  constructor(
    private readonly ingestion: IngestionService,
    @Inject(CLICKHOUSE) private readonly clickhouse: ClickHouseClient,
  ) {
    super();
  }

  check(): Promise<DependencyStatus[]> {
    const state = this.ingestion.state();
    return Promise.all([
      checkDependency('clickhouse', async () => {
        if (!state.schemaApplied) throw new Error('migrations not applied yet');
        const ping = await this.clickhouse.ping();
        if (!ping.success) throw ping.error;
      }),
      checkDependency('kafka-consumer', () => {
        if (state.joined) return Promise.resolve();
        return Promise.reject(new Error(state.joinError ? `not joined: ${state.joinError}` : 'joining the consumer group'));
      }),
    ]);
  }
}
