// Import rules checked by `npm test` (test/architecture.test.ts): no cycles, the shared folder stays
// pure, the core knows nothing of Electron or the window, the window nothing of Node.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'common-is-pure',
      comment: 'common/ is shared by every process: no Node, no Electron, no DOM libraries, nothing outside itself',
      severity: 'error',
      from: { path: '^common/' },
      to: { pathNot: ['^common/', '^node_modules/zod/'] },
    },
    {
      name: 'core-without-electron-or-window',
      severity: 'error',
      from: { path: '^main/core/' },
      to: { path: ['^main/electron/', '^main/web/', '^main/cli/', '^renderer/', '^preload/', '^node_modules/electron/'] },
    },
    {
      name: 'renderer-without-node',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^main/', '^preload/preload', '^node_modules/electron/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-without-node-builtins',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'preload-only-names-at-run-time',
      comment: 'the sandboxed preload bundle stays small: zod-free names, type-only imports of the rest',
      severity: 'error',
      from: { path: '^preload/preload\\.ts$' },
      to: { path: '^common/', pathNot: '^common/window-api-names\\.ts$', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
