export { trackingService } from './tracking.definition';
export { TrackingModule } from './tracking.module';
