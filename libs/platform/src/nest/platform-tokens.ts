// Injection tokens of the process's infrastructure clients (PlatformModule provides them):
//   constructor(@Inject(PG_POOL) private readonly pool: PgPool) {}

/** The `EventBus` (`@flywheel/kafka`). */
export const EVENT_BUS = Symbol('flywheel:EVENT_BUS');
/** The `PgPool` (`@flywheel/postgres`). */
export const PG_POOL = Symbol('flywheel:PG_POOL');
/** The `ClickHouseClient` (`@flywheel/clickhouse`). */
export const CLICKHOUSE = Symbol('flywheel:CLICKHOUSE');
/** The `ArtifactStore` (`@flywheel/storage`). */
export const ARTIFACT_STORE = Symbol('flywheel:ARTIFACT_STORE');
/**
 * The `AuditLogRepository` (`@flywheel/identity`): services record each mutation with
 * `auditLog.append(entry, tx)` inside the transaction that makes it.
 */
export const AUDIT_LOG = Symbol('flywheel:AUDIT_LOG');
