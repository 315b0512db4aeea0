/** One jest run covers every tier: unit (.spec), integration (.int-spec) and end-to-end (test/). */
module.exports = {
  rootDir: '.',
  moduleFileExtensions: ['js', 'json', 'ts'],
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.fuzz/'],
  modulePathIgnorePatterns: ['<rootDir>/.fuzz/'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@app/([a-z-]+)(/.*)?$': '<rootDir>/libs/$1/src$2',
    '^@test/(.*)$': '<rootDir>/test/$1',
  },
  testTimeout: 30000,
};
