'use strict';
// Compiles .ts files as they are required (TypeScript's transpileModule with the repo's compiler
// options), for the processes whose speed the bench measures. ts-node would do the same, but it
// loads node:repl, which loads node:domain, which makes every EventEmitter.emit take the slower
// domain-aware path: a cost `npm start` (compiled JavaScript) does not pay.
const ts = require('typescript');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const configFile = join(__dirname, '..', '..', 'tsconfig.json');
const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, join(__dirname, '..', '..'));
const compilerOptions = { ...options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: false, declaration: false, noEmit: false };

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
