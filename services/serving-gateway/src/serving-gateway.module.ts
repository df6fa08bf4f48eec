import { type DynamicModule, Module } from '@nestjs/common';
import type { AuthConfig, TlsConfig } from '@flywheel/config';
import type { EventBus } from '@flywheel/kafka';
import { ARTIFACT_STORE, EVENT_BUS } from '@flywheel/platform';
import { ReadinessProbe, serviceCallMetadata, serviceChannelCredentials } from '@flywheel/service-kit';
import type { ArtifactStore } from '@flywheel/storage';
import { FeedbackHttpController } from './feedback/feedback.http-controller';
import { FeedbackPublisher } from './feedback/feedback-publisher';
import { InferenceGrpcController } from './grpc/inference.grpc-controller';
import { InferenceHttpController } from './http/inference.http-controller';
import { UntypedJsonBodies } from './http/untyped-json-bodies';
import { InferenceService } from './inference/inference.service';
import { ModelStatusService } from './inference/model-status.service';
import { ServingGatewayReadiness } from './serving-gateway.readiness';
import { SERVING_OPTIONS, type ServingOptions } from './serving-options';
import { ServingRuntime } from './serving-runtime';

/** What the gateway needs from the process's configuration to call the registry. */
export interface ServingAccess {
  auth: Pick<AuthConfig, 'serviceKey'>;
  tls: TlsConfig | undefined;
  /** Standalone mode: the in-process bus, whose topics the gateway creates itself. */
  inProcessBus: boolean;
}

/**
 * Serving gateway: the Open Inference Protocol (KServe / Triton "v2") over gRPC and REST. Loads
 * ONNX models by registry alias, applies champion / canary / shadow traffic policies, swaps
 * models on deployment events without dropping requests, and logs every inference to
 * `flywheel.inference.logs.v1` without blocking the request path.
 */
@Module({})
export class ServingGatewayModule {
  static forRoot(options: ServingOptions, access: ServingAccess): DynamicModule {
    return {
      module: ServingGatewayModule,
      controllers: [InferenceGrpcController, InferenceHttpController, FeedbackHttpController],
      providers: [
        { provide: SERVING_OPTIONS, useValue: options },
        {
          provide: ServingRuntime,
          inject: [EVENT_BUS, ARTIFACT_STORE],
          useFactory: (bus: EventBus, artifacts: ArtifactStore) =>
            new ServingRuntime(options, bus, artifacts, {
              credentials: serviceChannelCredentials(access.tls),
              metadata: () => serviceCallMetadata(access.auth),
            }, access.inProcessBus),
        },
        {
          provide: FeedbackPublisher,
          inject: [EVENT_BUS],
          useFactory: (bus: EventBus) => new FeedbackPublisher(bus, access.inProcessBus),
        },
        { provide: InferenceService, inject: [ServingRuntime], useFactory: (runtime: ServingRuntime) => runtime.inference },
        { provide: ModelStatusService, inject: [ServingRuntime], useFactory: (runtime: ServingRuntime) => runtime.status },
        { provide: ReadinessProbe, useClass: ServingGatewayReadiness },
        UntypedJsonBodies,
      ],
      exports: [ReadinessProbe],
    };
  }
}
