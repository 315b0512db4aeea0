import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { loadConfigOrExit } from '@app/config';
import { exitAsCommanderSays, exitWithError } from './cli-exit';
import { CliModule } from './cli.module';
import { verifyOffline } from './commands/verify-offline';

async function main(): Promise<void> {
  // Offline: no configuration, no database, nothing but the export and the keys.
  if (process.argv[2] === 'verify') return void (process.exitCode = verifyOffline(process.argv.slice(3)));
  const config = loadConfigOrExit();
  await CommandFactory.run(CliModule.forRoot(config), {
    logger: ['error', 'warn'],
    errorHandler: exitAsCommanderSays,
    serviceErrorHandler: exitWithError,
  });
}

void main();
