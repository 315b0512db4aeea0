import { KeyedViewProjector } from '../shared/keyed-view.projector';
import { organizationIdOf, projectOrganizations } from './organization-directory.projection';
import { ORGANIZATION_DIRECTORY_PROJECTOR, OrganizationDirectoryStore, OrganizationEntry } from './organization-directory.store';

/** Feeds the organization directory (the tenancy lookups read it). */
export class OrganizationDirectoryProjector extends KeyedViewProjector<OrganizationEntry> {
  constructor(store: OrganizationDirectoryStore) {
    super(ORGANIZATION_DIRECTORY_PROJECTOR, store, { idOf: organizationIdOf, keyOf: (e) => e.orgId, project: projectOrganizations });
  }
}
