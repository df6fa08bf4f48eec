import type { ArtifactStore } from '@flywheel/storage';
import { AliasesRepository } from './aliases/aliases.repository';
import { AliasesService } from './aliases/aliases.service';
import type { RegistryDatabase } from './db/registry-database';
import { ModelLookup } from './models/model-lookup';
import { ModelSearchRepository } from './models/model-search.repository';
import { ModelViews } from './models/model-views';
import { ModelsRepository } from './models/models.repository';
import { ModelsService } from './models/models.service';
import type { AuditTrail } from './mutations/audit-trail';
import { RegistryMutations } from './mutations/registry-mutations';
import { OutboxRepository } from './outbox/outbox.repository';
import { ProfilesRepository } from './profiles/profiles.repository';
import { ProfilesService } from './profiles/profiles.service';
import { PromotionApplier } from './promotions/promotion-applier';
import { PromotionsRepository } from './promotions/promotions.repository';
import { PromotionsService } from './promotions/promotions.service';
import { SourceResolver } from './sources/source-resolver';
import type { TrackingLookup } from './sources/tracking-client';
import { VersionSearchRepository } from './versions/version-search.repository';
import { VersionViews } from './versions/version-views';
import { VersionsRepository } from './versions/versions.repository';
import { VersionsService } from './versions/versions.service';

/**
 * The registry's object graph, wired by hand in one place: repositories (SQL), the mutation
 * runner (transaction + audit + outbox), views and the use-case services the controllers call.
 */
export class RegistryComponents {
  readonly outbox: OutboxRepository;
  readonly modelsRepository = new ModelsRepository();
  readonly versionsRepository = new VersionsRepository();
  readonly mutations: RegistryMutations;
  readonly models: ModelsService;
  readonly versions: VersionsService;
  readonly aliases: AliasesService;
  readonly profiles: ProfilesService;
  readonly promotions: PromotionsService;

  constructor(
    readonly database: RegistryDatabase,
    audit: AuditTrail,
    store: Pick<ArtifactStore, 'root' | 'uri'>,
    tracking: TrackingLookup,
  ) {
    this.outbox = new OutboxRepository(database.schema);
    this.mutations = new RegistryMutations(database, this.outbox, audit);
    const aliases = new AliasesRepository();
    const profiles = new ProfilesRepository();
    const lookup = new ModelLookup(this.modelsRepository, this.versionsRepository);
    const versionViews = new VersionViews(this.versionsRepository, this.modelsRepository, aliases);
    const modelViews = new ModelViews(this.modelsRepository, this.versionsRepository, aliases, versionViews);
    const applier = new PromotionApplier(lookup, this.modelsRepository, this.versionsRepository, aliases);
    this.models = new ModelsService(database, this.mutations, this.modelsRepository, lookup, modelViews, new ModelSearchRepository(database));
    this.versions = new VersionsService(
      database,
      this.mutations,
      lookup,
      this.modelsRepository,
      this.versionsRepository,
      profiles,
      versionViews,
      new VersionSearchRepository(database),
      new SourceResolver(store, tracking),
    );
    this.aliases = new AliasesService(database, this.mutations, lookup, this.modelsRepository, aliases, applier, versionViews);
    this.profiles = new ProfilesService(database, this.mutations, lookup, profiles);
    this.promotions = new PromotionsService(database, this.mutations, lookup, this.modelsRepository, new PromotionsRepository(), applier);
  }
}
