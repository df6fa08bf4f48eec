import { loadSync } from '@grpc/proto-loader';
import { grpcRouteId } from '@flywheel/access';
import { PROTO_LOADER_OPTIONS, protoPath, registryV1 } from '@flywheel/contracts';
import { REGISTRY_ROUTES } from './registry.routes';

describe('REGISTRY_ROUTES', () => {
  it('declares exactly the methods of RegistryService in the proto', () => {
    const service = loadSync(protoPath(registryV1.protobufFileName), PROTO_LOADER_OPTIONS)['flywheel.registry.v1.RegistryService'];
    const served = Object.values(service as Record<string, { path: string }>).map((method) => grpcRouteId(method.path));
    const declared = Object.keys(REGISTRY_ROUTES).filter((id) => id.startsWith('grpc:/flywheel.registry.v1.'));
    expect(declared.sort()).toEqual(served.sort());
    expect(REGISTRY_ROUTES['grpc:/flywheel.registry.v1.RegistryService/CreateModelVersion']).toBe('models.register');
    expect(REGISTRY_ROUTES['grpc:/flywheel.registry.v1.RegistryService/ApprovePromotion']).toBe('approvals.grant');
    expect(REGISTRY_ROUTES['grpc:/flywheel.registry.v1.RegistryService/SetApprovalPolicy']).toBe('policies.manage');
  });

  it('declares every MLflow route under both prefixes with the action MLflow users expect', () => {
    for (const prefix of ['/api/2.0/mlflow', '/api/2.0/preview/mlflow']) {
      expect(REGISTRY_ROUTES[`http:POST ${prefix}/model-versions/create`]).toBe('models.register');
      expect(REGISTRY_ROUTES[`http:POST ${prefix}/registered-models/alias`]).toBe('aliases.write');
      expect(REGISTRY_ROUTES[`http:GET ${prefix}/registered-models/alias`]).toBe('models.read');
      expect(REGISTRY_ROUTES[`http:POST ${prefix}/model-versions/transition-stage`]).toBe('stages.transition');
      expect(REGISTRY_ROUTES[`http:DELETE ${prefix}/registered-models/delete`]).toBe('models.delete');
    }
    expect(Object.keys(REGISTRY_ROUTES).filter((id) => id.startsWith('http:'))).toHaveLength(44);
  });
});
