export { trackingService } from './tracking.definition';
export { TrackingModule } from './tracking.module';
export { TRACKING_ROUTES } from './tracking.routes';
export { loadTrackingSettings, type TrackingSettings } from './config/tracking-settings';
