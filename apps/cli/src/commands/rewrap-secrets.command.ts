import { Inject } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';
import { AppConfig } from '@app/config';
import { masterKeyRing, openSecretStore, SealedSecrets } from '@app/secrets';

/** Master-key rotation, step 2: rewraps every stored secret's data key under the primary key. */
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
    try {
      const report = await new SealedSecrets(store, ring).rewrapAll();
      process.stdout.write(`${report.rewrapped} of ${report.total} stored secrets rewrapped under the master key from ${source}\n`);
      if (report.failed > 0) {
        throw new Error(`${report.failed} stored secret(s) could not be opened with any configured master key: keep the old key in SECRETS_MASTER_KEY_PREVIOUS`);
      }
    } finally {
      await store.close();
    }
  }
}
