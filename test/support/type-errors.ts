import { join } from 'node:path';
import ts from 'typescript';

const TSCONFIG = join(__dirname, '..', '..', 'tsconfig.json');

/**
 * What the compiler says of these files under the project's tsconfig, as "file:line: message".
 * ts-jest only transpiles (isolatedModules), so a spec whose `@ts-expect-error` lines are the
 * test asks the compiler here: an expected error that no longer happens is reported (TS2578).
 */
export function typeErrorsIn(files: string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(TSCONFIG, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`cannot read ${TSCONFIG}`);
  const program = ts.createProgram({ rootNames: files, options: { ...config.options, noEmit: true } });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return message;
    return `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ${message}`;
  });
}
