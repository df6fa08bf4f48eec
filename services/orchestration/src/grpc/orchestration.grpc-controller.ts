import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Metadata } from '@grpc/grpc-js';
import type { Principal } from '@flywheel/access';
import { orchestrationV1 } from '@flywheel/contracts';
import { CurrentPrincipal } from '@flywheel/service-kit';
import type { Caller } from '../audit-trail';
import { DefinitionsService } from '../definitions/definitions.service';
import { RunsService } from '../runs/runs.service';
import { invalidArgument } from '../orchestration-error';
import { grpcCall } from './grpc-errors';

const DEFAULT_LIST_RUNS = 100;
const MAX_LIST_RUNS = 1_000;
import { definitionToWire, runToWire } from './grpc-wire';

/**
 * `flywheel.orchestration.v1.OrchestrationService`: decodes requests, calls the use cases with
 * the caller, encodes views. Access per method is the guard's job (orchestration.routes.ts).
 */
@Controller()
@orchestrationV1.OrchestrationServiceControllerMethods()
export class OrchestrationGrpcController {
  constructor(
    private readonly definitions: DefinitionsService,
    private readonly runs: RunsService,
  ) {}

  registerPipeline(
    @Payload() request: orchestrationV1.RegisterPipelineRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<orchestrationV1.RegisterPipelineResponse> {
    return grpcCall(async () => ({
      pipeline: definitionToWire(
        await this.definitions.register(callerOf(principal, metadata), request.yaml),
      ),
    }));
  }

  getPipeline(
    @Payload() request: orchestrationV1.GetPipelineRequest,
  ): Promise<orchestrationV1.GetPipelineResponse> {
    return grpcCall(async () => ({
      pipeline: definitionToWire(await this.definitions.get(request.name, request.version)),
    }));
  }

  listPipelines(): Promise<orchestrationV1.ListPipelinesResponse> {
    return grpcCall(async () => ({ pipelines: (await this.definitions.list()).map(definitionToWire) }));
  }

  triggerPipeline(
    @Payload() request: orchestrationV1.TriggerPipelineRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<orchestrationV1.TriggerPipelineResponse> {
    return grpcCall(async () => ({
      runId: await this.runs.trigger(
        callerOf(principal, metadata),
        request.name,
        request.version,
        request.params,
      ),
    }));
  }

  /** The run API's name for TriggerPipeline: the same request, the same run. */
  startRun(
    @Payload() request: orchestrationV1.StartRunRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<orchestrationV1.StartRunResponse> {
    return this.triggerPipeline(request, metadata, principal);
  }

  cancelRun(
    @Payload() request: orchestrationV1.CancelRunRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<orchestrationV1.CancelRunResponse> {
    return grpcCall(async () => {
      await this.runs.cancel(callerOf(principal, metadata), request.runId);
      return {};
    });
  }

  listRuns(@Payload() request: orchestrationV1.ListRunsRequest): Promise<orchestrationV1.ListRunsResponse> {
    return grpcCall(async () => {
      if (request.limit < 0 || request.limit > MAX_LIST_RUNS)
        throw invalidArgument(`limit must be between 0 and ${MAX_LIST_RUNS}, got ${request.limit}`);
      const runs = await this.runs.list({
        ...(request.pipelineName !== '' && { pipelineName: request.pipelineName }),
        limit: request.limit === 0 ? DEFAULT_LIST_RUNS : request.limit,
      });
      return { runs: runs.map((run) => runToWire(run, [])) };
    });
  }

  getRun(@Payload() request: orchestrationV1.GetRunRequest): Promise<orchestrationV1.GetRunResponse> {
    return grpcCall(async () => {
      const { run, attempts } = await this.runs.get(request.runId);
      return { run: runToWire(run, attempts) };
    });
  }
}

/** The caller of a gRPC call: the guard's principal and the `x-request-id` metadata, if sent. */
function callerOf(principal: Principal, metadata: Metadata | undefined): Caller {
  const requestId = metadata?.get('x-request-id')[0];
  return {
    principal: { id: principal.id, kind: principal.kind },
    requestId:
      typeof requestId === 'string' && requestId !== '' && requestId.length <= 200 ? requestId : randomUUID(),
  };
}
