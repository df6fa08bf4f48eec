export { servingGatewayService } from './serving-gateway.definition';
export { ServingGatewayModule } from './serving-gateway.module';
