/** Injection token of the service's `TrackingSettings` (see config/tracking-settings.ts). */
export const TRACKING_SETTINGS = Symbol('tracking:TRACKING_SETTINGS');
