/** What commander hands to nest-commander's errorHandler: help shown, a usage error, a version. */
interface CommanderExit extends Error {
  code: string;
  exitCode: number;
}

/** Checked by shape, not instanceof, so a second copy of commander in node_modules cannot fool it. */
function isCommanderExit(error: unknown): error is CommanderExit {
  const e = error as Partial<CommanderExit> | undefined;
  return typeof e?.code === 'string' && e.code.startsWith('commander.') && typeof e.exitCode === 'number';
}

/**
 * The errorHandler: commander reports `--help`, `help` and its own usage errors (unknown command,
 * missing argument) here, after printing the help or the message, with the exit code it means:
 * 0 after help, 1 after an error. Printing them again, or exiting 1 after help, would be wrong.
 */
export function exitAsCommanderSays(error: Error): never {
  if (isCommanderExit(error)) process.exit(error.exitCode);
  return exitWithError(error);
}

/** The serviceErrorHandler: a command that failed. */
export function exitWithError(error: Error): never {
  process.stderr.write(`error: ${error.message}\n`);
  process.exit(1);
}
