import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { loadConfigOrExit } from '@app/config';
import { exitAsCommanderSays, exitWithError } from './cli-exit';
import { CliModule } from './cli.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  await CommandFactory.run(CliModule.forRoot(config), {
    logger: ['error', 'warn'],
    errorHandler: exitAsCommanderSays,
    serviceErrorHandler: exitWithError,
  });
}

void main();
