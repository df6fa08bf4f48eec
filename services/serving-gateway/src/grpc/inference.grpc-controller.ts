import { Controller, Inject } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import type { Metadata } from '@grpc/grpc-js';
import { inferenceV2 } from '@flywheel/contracts';
import { ModelStatusService } from '../inference/model-status.service';
import { InferenceService } from '../inference/inference.service';
import { decodeGrpcRequest } from '../protocol/decode-grpc-request';
import { encodeGrpcResponse } from '../protocol/encode-response';
import { asInferenceError, grpcCodeOf } from '../protocol/error-mapping';
import { SERVING_OPTIONS, type ServingOptions } from '../serving-options';

/**
 * `inference.GRPCInferenceService` (Open Inference Protocol v2). Access per method is the
 * guard's job (serving-gateway.routes.ts); this edge decodes, delegates and maps errors.
 */
@Controller()
@inferenceV2.GRPCInferenceServiceControllerMethods()
export class InferenceGrpcController implements inferenceV2.GRPCInferenceServiceController {
  constructor(
    private readonly inference: InferenceService,
    private readonly status: ModelStatusService,
    @Inject(SERVING_OPTIONS) private readonly options: ServingOptions,
  ) {}

  serverLive(): inferenceV2.ServerLiveResponse {
    return { live: true };
  }

  serverReady(): inferenceV2.ServerReadyResponse {
    return { ready: this.status.serverReady() };
  }

  serverMetadata(): inferenceV2.ServerMetadataResponse {
    return this.status.serverMetadata();
  }

  async modelReady(request: inferenceV2.ModelReadyRequest): Promise<inferenceV2.ModelReadyResponse> {
    return { ready: await guarded(() => this.status.modelReady(request.name, request.version)) };
  }

  async modelMetadata(request: inferenceV2.ModelMetadataRequest): Promise<inferenceV2.ModelMetadataResponse> {
    return guarded(() => this.status.modelMetadata(request.name, request.version));
  }

  async modelInfer(request: inferenceV2.ModelInferRequest, metadata?: Metadata): Promise<inferenceV2.ModelInferResponse> {
    return guarded(async () => {
      const decoded = decodeGrpcRequest(request, this.options.maxMessageBytes);
      const result = await this.inference.infer(decoded, (name) => {
        const value = metadata?.get(name)[0];
        return typeof value === 'string' ? value : undefined;
      });
      return encodeGrpcResponse(result);
    });
  }
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const failure = asInferenceError(error);
    throw new RpcException({ code: grpcCodeOf(failure), message: failure.message });
  }
}
