import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { AppConfig, ConfigError, loadConfig } from './app-config';

/** Loads the configuration or stops the process with a message that names the bad settings. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** DATA_DIR cannot hold the embedded stores' files. */
export class DataDirError extends Error {
  constructor(dir: string, cause: unknown) {
    super(`DATA_DIR ${JSON.stringify(dir)} is not a usable directory: ${reasonOf(cause)} (set DATA_DIR to a writable directory)`);
    this.name = 'DataDirError';
  }
}

/**
 * Creates DATA_DIR when some store keeps files there, and proves it writable by writing a file,
 * so a bad directory is one clear line at boot rather than a SQLite error from deep inside.
 */
export function checkDataDir(config: AppConfig): void {
  if (config.EVENTSTORE_URL && config.MONGO_URL) return;
  const dir = resolve(config.DATA_DIR);
  const probe = join(dir, `.write-test-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw new DataDirError(config.DATA_DIR, error);
  }
}

/**
 * Binds HOST:PORT once and lets it go, before anything else starts: a port in use or a HOST that
 * is not this machine's fails here, before the modules open stores and print their start-up logs.
 */
export function checkListenable(config: AppConfig): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => server.close(() => resolve()));
  });
}

/**
 * Runs a process's start-up; a failure ends it with one line on stderr and exit code 1, like a
 * bad setting does: the cause in words and the setting to change, never a stack trace (unless
 * LOG_LEVEL is debug or trace).
 */
export async function startOrExit(config: AppConfig, processName: string, start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (error) {
    process.stderr.write(`${startupFailureMessage(error, config, processName)}\n`);
    if (['debug', 'trace'].includes(config.LOG_LEVEL) && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  }
}

interface SystemError extends Error {
  code?: string;
  syscall?: string;
  path?: string;
}

/** The one line a start-up failure ends with. */
export function startupFailureMessage(error: unknown, config: AppConfig, processName = 'The API'): string {
  const e = (error instanceof Error ? error : new Error(String(error))) as SystemError;
  const where = `${config.HOST}:${config.PORT}`;
  if (e instanceof DataDirError) return `${processName} cannot start: ${e.message}`;
  switch (e.code) {
    case 'EADDRINUSE':
      return `${processName} cannot listen on ${where}: the port is already in use (set PORT to a free port)`;
    case 'EADDRNOTAVAIL':
      return `${processName} cannot listen on ${where}: ${config.HOST} is not an address of this machine (set HOST, e.g. 127.0.0.1 or 0.0.0.0)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      if (e.syscall === 'getaddrinfo' && /listen|getaddrinfo/.test(e.message) && e.message.includes(config.HOST)) {
        return `${processName} cannot listen on ${where}: the host name ${config.HOST} does not resolve (set HOST to an address of this machine)`;
      }
      break;
    case 'EACCES':
      if (e.syscall === 'listen') return `${processName} cannot listen on ${where}: permission denied (a port below 1024 needs privileges; set PORT)`;
      break;
  }
  if (e.name.startsWith('Mongo')) {
    return `${processName} cannot reach MongoDB at ${hostsOf(config.MONGO_URL)} (MONGO_URL): ${firstLine(e.message)}`;
  }
  if (typeof e.code === 'string' && /^SQLITE_(CANTOPEN|READONLY|IOERR|FULL|PERM)/.test(e.code)) {
    return `${processName} cannot start: DATA_DIR ${JSON.stringify(config.DATA_DIR)} is not usable by SQLite: ${firstLine(e.message)} (set DATA_DIR to a writable directory)`;
  }
  return `${processName} failed to start: ${firstLine(e.message)}`;
}

/** host:port list of a connection string, without credentials. */
function hostsOf(url: string | undefined): string {
  return url?.match(/^[a-z+]+:\/\/(?:[^@/]*@)?([^/?]+)/i)?.[1] ?? 'an unset URL';
}

function reasonOf(error: unknown): string {
  const e = error as SystemError;
  const reasons: Record<string, string> = {
    ENOTDIR: 'a part of the path is a file, not a directory',
    EEXIST: 'it exists and is not a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EISDIR: 'it is not a directory',
  };
  return (e?.code && reasons[e.code]) ?? firstLine(e instanceof Error ? e.message : String(error));
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
