import { type DynamicModule, Module } from '@nestjs/common';
import { IDENTITY_SCHEMA } from '@flywheel/identity';
import { auditLogProvider } from './audit-log.provider';
import { AuditGrpcController } from './audit.grpc-controller';
import { ListAuditEntries } from './list-audit-entries.use-case';

/**
 * Serves the audit log over gRPC (`flywheel.audit.v1.AuditService`, see `AUDIT_ROUTES`) from the
 * process's PostgreSQL (`PG_POOL` of `@flywheel/platform`), in the identity schema unless a test
 * names its own; the same schema the registry's mutations append to.
 */
@Module({})
export class AuditModule {
  static forRoot(options: { schema?: string | undefined } = {}): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditGrpcController],
      providers: [auditLogProvider(options.schema ?? IDENTITY_SCHEMA), ListAuditEntries],
    };
  }
}
