import type { PlatformConfig } from '@flywheel/config';
import type { ClickHouseClient } from '@flywheel/clickhouse';
import { type AuditLogRepository, migrateIdentitySchema } from '@flywheel/identity';
import type { EventBus } from '@flywheel/kafka';
import type { PgPool } from '@flywheel/postgres';
import type { ArtifactStore } from '@flywheel/storage';
import { auditLogOf, identityResources, type IdentityResources } from './identity/identity-resources';
import type { OpenedResource } from './opened-resource';
import { REAL_OPENERS, type ResourceOpeners } from './openers/resource-openers';
import { resourcePlan, type ResourcePlan } from './resource-plan';

export type ResourceName = 'event-bus' | 'postgres' | 'clickhouse' | 'artifact-store' | 'identity';

export interface PlatformResourcesOptions {
  /** PostgreSQL schema of API keys and the audit log (default `identity`); tests isolate runs with it. */
  identitySchema?: string;
}

/** A readiness check of one opened resource, for a service's ReadinessProbe. */
export interface ResourceCheck {
  name: ResourceName;
  /** Resolves when the resource answers; rejects naming what failed. */
  check(): Promise<void>;
}

/**
 * The infrastructure clients of one process, shared by every service in it. Each is opened on
 * first use (a resource no service asks for never starts) and closed once, in reverse order of
 * opening, by `close()` — which the process calls after its services drained.
 */
export class PlatformResources {
  readonly plan: ResourcePlan;
  private readonly opened: { name: ResourceName; resource: OpenedResource<unknown> }[] = [];
  private readonly values = new Map<ResourceName, unknown>();
  private postgresOpening: Promise<PgPool> | undefined;
  private identitySchemaOpening: Promise<PgPool> | undefined;
  private auditLogOpening: Promise<AuditLogRepository> | undefined;
  private identityOpening: Promise<IdentityResources> | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly config: Pick<
      PlatformConfig,
      'kafka' | 'database' | 'clickhouse' | 'artifacts' | 's3' | 'auth'
    >,
    private readonly openers: ResourceOpeners = REAL_OPENERS,
    private readonly options: PlatformResourcesOptions = {},
  ) {
    this.plan = resourcePlan(config);
  }

  /** Kafka when brokers are configured, else the in-process bus (one per process: shared topics). */
  eventBus(): EventBus {
    return this.openNow('event-bus', () => this.openers.eventBus(this.plan.eventBus));
  }

  /** A pool to FLYWHEEL_DATABASE_URL, else to embedded PGlite started on a loopback port. */
  postgres(): Promise<PgPool> {
    if (this.closing) return Promise.reject(closedError('postgres'));
    this.postgresOpening ??= this.openers.postgres(this.plan.postgres).then(
      (resource) => {
        this.register('postgres', resource);
        return resource.value;
      },
      (error: unknown) => {
        this.postgresOpening = undefined;
        throw openError('postgres', error);
      },
    );
    return this.postgresOpening;
  }

  /** A client of the ClickHouse server, else of chDB over the data folder. */
  clickhouse(): ClickHouseClient {
    return this.openNow('clickhouse', () => this.openers.clickhouse(this.plan.clickhouse));
  }

  /** The S3 store when the artifact root is s3://, else the local folder. */
  artifactStore(): ArtifactStore {
    return this.openNow('artifact-store', () => this.openers.artifactStore(this.plan.artifactStore));
  }

  /**
   * API keys, the audit log and the bearer-token authenticator (API keys, plus OIDC when
   * configured) over the identity schema of `postgres()`, migrated once. Needs
   * `FLYWHEEL_AUTH_PEPPER`. A failure is retried by the next call.
   */
  identity(): Promise<IdentityResources> {
    this.identityOpening ??= this.opening('identity', async () =>
      identityResources(await this.identitySchema(), await this.auditLog(), {
        pepper: this.config.auth.pepper,
        oidc: this.config.auth.oidc,
        schema: this.options.identitySchema,
      }),
    ).catch((error: unknown) => {
      this.identityOpening = undefined;
      throw error;
    });
    return this.identityOpening;
  }

  /**
   * The append-only audit log (identity schema of `postgres()`), for services recording their
   * mutations. Works with authentication off too: it needs no pepper.
   */
  auditLog(): Promise<AuditLogRepository> {
    this.auditLogOpening ??= this.opening('identity', async () =>
      auditLogOf(await this.identitySchema(), this.options.identitySchema),
    ).catch((error: unknown) => {
      this.auditLogOpening = undefined;
      throw error;
    });
    return this.auditLogOpening;
  }

  /** One readiness check per resource opened so far. */
  dependencyChecks(): ResourceCheck[] {
    return this.opened.map(({ name, resource }) => ({ name, check: () => resource.check() }));
  }

  /**
   * Closes every opened resource, newest first, waiting for one still starting. Later calls
   * return the same promise. @throws Error naming each resource that failed to close.
   */
  close(): Promise<void> {
    this.closing ??= this.closeAll();
    return this.closing;
  }

  // The pool, once the identity tables are migrated in it (under the migration advisory lock).
  private identitySchema(): Promise<PgPool> {
    this.identitySchemaOpening ??= this.postgres()
      .then(async (pool) => {
        await migrateIdentitySchema(pool, this.options.identitySchema);
        return pool;
      })
      .catch((error: unknown) => {
        this.identitySchemaOpening = undefined;
        throw error;
      });
    return this.identitySchemaOpening;
  }

  private async opening<T>(name: ResourceName, open: () => Promise<T>): Promise<T> {
    if (this.closing) throw closedError(name);
    try {
      return await open();
    } catch (error) {
      throw openError(name, error);
    }
  }

  private openNow<T>(name: ResourceName, open: () => OpenedResource<T>): T {
    if (this.closing) throw closedError(name);
    if (this.values.has(name)) return this.values.get(name) as T;
    let resource: OpenedResource<T>;
    try {
      resource = open();
    } catch (error) {
      throw openError(name, error);
    }
    this.register(name, resource);
    return resource.value;
  }

  private register(name: ResourceName, resource: OpenedResource<unknown>): void {
    this.values.set(name, resource.value);
    this.opened.push({ name, resource });
  }

  private async closeAll(): Promise<void> {
    const openings: Promise<unknown>[] = [
      this.identityOpening,
      this.auditLogOpening,
      this.postgresOpening,
    ].filter((opening) => opening !== undefined);
    await Promise.allSettled(openings);
    const failures: string[] = [];
    for (const { name, resource } of this.opened.reverse()) {
      try {
        await resource.close();
      } catch (error) {
        failures.push(`${name}: ${messageOf(error)}`);
      }
    }
    this.opened.length = 0;
    if (failures.length > 0) throw new Error(`closing platform resources failed: ${failures.join('; ')}`);
  }
}

function closedError(name: ResourceName): Error {
  return new Error(`cannot open ${name}: the platform resources are closed`);
}

function openError(name: ResourceName, error: unknown): Error {
  return new Error(`cannot open ${name}: ${messageOf(error)}`, { cause: error });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
