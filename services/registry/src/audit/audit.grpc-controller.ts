import { Controller } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { auditV1 } from '@flywheel/contracts';
import { auditPageToWire } from './audit-entry.wire';
import { AuditQueryError } from './audit-query-error';
import { ListAuditEntries } from './list-audit-entries.use-case';

/** `flywheel.audit.v1.AuditService` over gRPC; access (`audit.read`) is the guard's job. */
@Controller()
@auditV1.AuditServiceControllerMethods()
export class AuditGrpcController implements auditV1.AuditServiceController {
  constructor(private readonly listEntries: ListAuditEntries) {}

  async listAuditEntries(request: auditV1.ListAuditEntriesRequest): Promise<auditV1.ListAuditEntriesResponse> {
    try {
      return auditPageToWire(await this.listEntries.execute(request));
    } catch (error) {
      if (error instanceof AuditQueryError) {
        throw new RpcException({ code: GrpcStatus.INVALID_ARGUMENT, message: error.message });
      }
      throw error;
    }
  }
}
