import { Inject } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';
import { AppConfig } from '@app/config';
import { masterKeyRing, openSecretStore, SealedSecrets } from '@app/secrets';
import { openKeyStore, rewrapKeyStore } from '@app/privacy';

/** Master-key rotation, step 2: rewraps every stored secret's data key, and every personal-data key, under the primary key. */
@Command({
  name: 'rewrap-secrets',
  description:
    'After a master-key rotation (new key in SECRETS_MASTER_KEY, old one in SECRETS_MASTER_KEY_PREVIOUS): rewrap every stored secret ' +
    'under the new key. When it reports nothing left to rewrap and no failure, the old key may be dropped.',
})
export class RewrapSecretsCommand extends CommandRunner {
  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    const { ring, source } = masterKeyRing(this.config);
    const store = await openSecretStore(this.config);
    const keys = await openKeyStore(this.config);
    try {
      const report = await new SealedSecrets(store, ring).rewrapAll();
      process.stdout.write(`${report.rewrapped} of ${report.total} stored secrets rewrapped under the master key from ${source}\n`);
      const personal = await rewrapKeyStore(keys, ring);
      process.stdout.write(`${personal.rewrapped} of ${personal.total} personal-data keys rewrapped\n`);
      const failed = report.failed + personal.failed;
      if (failed > 0) {
        throw new Error(`${failed} stored secret(s) or key(s) could not be opened with any configured master key: keep the old key in SECRETS_MASTER_KEY_PREVIOUS`);
      }
    } finally {
      await store.close();
      await keys.close();
    }
  }
}
