import { Inject, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadPlatformConfig } from '@flywheel/config';
import type { OpenedResource } from '../opened-resource';
import type { ResourceOpeners } from '../openers/resource-openers';
import { PlatformResources } from '../platform-resources';
import { PlatformModule } from './platform.module';
import { PG_POOL } from './platform-tokens';

@Injectable()
class Repository {
  constructor(@Inject(PG_POOL) readonly pool: unknown) {}
}

@Module({ providers: [Repository] })
class FeatureModule {}

describe('PlatformModule', () => {
  it('opens only the resources a service injects, shared with the process', async () => {
    const opened: string[] = [];
    const fake = (name: string): OpenedResource<never> => {
      opened.push(name);
      return { value: { name } as never, check: () => Promise.resolve(), close: () => Promise.resolve() };
    };
    const openers: ResourceOpeners = {
      eventBus: () => fake('event-bus'),
      postgres: () => Promise.resolve(fake('postgres')),
      clickhouse: () => fake('clickhouse'),
      artifactStore: () => fake('artifact-store'),
    };
    const resources = new PlatformResources(loadPlatformConfig({}), openers);

    @Module({ imports: [PlatformModule.forResources(resources), FeatureModule] })
    class AppModule {}

    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    try {
      expect(opened).toEqual(['postgres']);
      expect(app.get(Repository).pool).toBe(await resources.postgres());
      expect(app.get(PlatformResources)).toBe(resources);
    } finally {
      await app.close();
      await resources.close();
    }
  });
});
