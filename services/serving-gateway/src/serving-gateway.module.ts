import { Module } from '@nestjs/common';
import { ReadinessProbe } from '@flywheel/service-kit';
import { ServingGatewayReadiness } from './serving-gateway.readiness';

/**
 * Serving gateway: the Open Inference Protocol (KServe / Triton "v2") over gRPC and REST. Loads
 * ONNX models by registry alias, applies champion / canary / shadow traffic policies, swaps
 * models on deployment events without dropping requests, and logs every inference to
 * `flywheel.inference.logs.v1` without blocking the request path.
 */
@Module({
  providers: [{ provide: ReadinessProbe, useClass: ServingGatewayReadiness }],
})
export class ServingGatewayModule {}
