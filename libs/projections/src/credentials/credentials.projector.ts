import { KeyedViewProjector } from '../shared/keyed-view.projector';
import { credentialIdOf, projectCredentials } from './credentials.projection';
import { CREDENTIALS_PROJECTOR, CredentialRecord, CredentialsStore } from './credentials.store';

/** Feeds the credential directory. */
export class CredentialsProjector extends KeyedViewProjector<CredentialRecord> {
  constructor(store: CredentialsStore) {
    super(CREDENTIALS_PROJECTOR, store, { idOf: credentialIdOf, keyOf: (r) => r.id, project: projectCredentials });
  }
}
