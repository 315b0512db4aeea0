import { KeyedViewProjector } from '../shared/keyed-view.projector';
import { integrationIdOf, projectIntegrations } from './integrations.projection';
import { INTEGRATIONS_PROJECTOR, IntegrationEntry, IntegrationsStore } from './integrations.store';

/** Feeds the integrations view. */
export class IntegrationsProjector extends KeyedViewProjector<IntegrationEntry> {
  constructor(store: IntegrationsStore) {
    super(INTEGRATIONS_PROJECTOR, store, { idOf: integrationIdOf, keyOf: (e) => e.integrationId, project: projectIntegrations });
  }
}
