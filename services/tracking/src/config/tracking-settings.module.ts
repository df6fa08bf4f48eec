import { type DynamicModule, Module } from '@nestjs/common';
import { TRACKING_SETTINGS } from '../database/tracking-settings.token';
import type { TrackingSettings } from './tracking-settings';

/** Makes the service's validated settings injectable (`@Inject(TRACKING_SETTINGS)`). */
@Module({})
export class TrackingSettingsModule {
  static for(settings: TrackingSettings): DynamicModule {
    return {
      module: TrackingSettingsModule,
      global: true,
      providers: [{ provide: TRACKING_SETTINGS, useValue: settings }],
      exports: [TRACKING_SETTINGS],
    };
  }
}
