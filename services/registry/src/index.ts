export { registryService } from './registry.definition';
export { RegistryModule } from './registry.module';
export { REGISTRY_ROUTES } from './registry.routes';
export { type RegistryOptions, registryOptionsFrom } from './registry-options';
