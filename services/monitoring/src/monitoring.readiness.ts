import { Inject, Injectable } from '@nestjs/common';
import type { ClickHouseClient } from '@flywheel/clickhouse';
import { CLICKHOUSE } from '@flywheel/platform';
import { ReadinessProbe, checkDependency, type DependencyStatus } from '@flywheel/service-kit';
import { MonitoringService } from './monitoring.service';

/** Monitoring is ready when its tables exist and ClickHouse answers. */
@Injectable()
export class MonitoringReadiness extends ReadinessProbe {
  constructor(
    private readonly monitoring: MonitoringService,
    @Inject(CLICKHOUSE) private readonly clickhouse: ClickHouseClient,
  ) {
    super();
  }

  check(): Promise<DependencyStatus[]> {
    return Promise.all([
      checkDependency('clickhouse', async () => {
        if (!this.monitoring.isMigrated()) throw new Error('migrations not applied yet');
        const ping = await this.clickhouse.ping();
        if (!ping.success) throw ping.error;
      }),
    ]);
  }
}
