import type { PlatformConfig } from '@flywheel/config';
import type { Metadata } from '@grpc/grpc-js';
import type { inferenceV2 } from '@flywheel/contracts';
import { INFERENCE_PACKAGE_NAME, INFERENCE_PROTO_FILE } from './grpc/inference-proto';
import { InferenceGrpcController } from './grpc/inference.grpc-controller';
import type { PlatformResources } from '@flywheel/platform';
import type { ServiceDefinition } from '@flywheel/service-kit';
import { ServingGatewayModule } from './serving-gateway.module';
import { SERVING_GATEWAY_ROUTES } from './serving-gateway.routes';
import { type ServingOptions, servingOptionsFromEnv } from './serving-options';

/**
 * The serving-gateway service as the process runs it: the Open Inference Protocol on its gRPC
 * and HTTP ports, configured from `config` and the FLYWHEEL_SERVING_* variables. `options`
 * overrides those settings (tests, benchmarks).
 */
export function servingGatewayService(
  config: Pick<PlatformConfig, 'ports' | 'auth' | 'tls' | 'kafka'>,
  _resources?: PlatformResources,
  options: ServingOptions = servingOptionsFromEnv(process.env, config.ports.registry.grpc),
): ServiceDefinition {
  const ports = config.ports['serving-gateway'];
  return {
    name: 'serving-gateway',
    module: ServingGatewayModule,
    imports: [ServingGatewayModule.forRoot(options, { auth: config.auth, tls: config.tls, inProcessBus: config.kafka.kind === 'in-process' })],
    routes: SERVING_GATEWAY_ROUTES,
    grpc: {
      port: ports.grpc,
      packages: [INFERENCE_PACKAGE_NAME],
      protoFiles: [INFERENCE_PROTO_FILE],
      // The hot path: Nest's per-call pipeline cost more than the inference (bench:serving). The
      // probes take the same path, so the bench's ServerLive floor is ModelInfer minus the work.
      direct: (app) => {
        const controller = app.get(InferenceGrpcController, { strict: false });
        const method = (name: string) => `/${INFERENCE_PACKAGE_NAME}.GRPCInferenceService/${name}`;
        return [
          {
            path: method('ModelInfer'),
            handle: (request, metadata: Metadata) =>
              controller.modelInfer(request as inferenceV2.ModelInferRequest, metadata),
          },
          { path: method('ServerLive'), handle: () => Promise.resolve(controller.serverLive()) },
          { path: method('ServerReady'), handle: () => Promise.resolve(controller.serverReady()) },
        ];
      },
    },
    http: { port: ports.http },
  };
}
