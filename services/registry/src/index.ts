export { registryService } from './registry.definition';
export { RegistryModule } from './registry.module';
