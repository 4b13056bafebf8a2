// Entry point of the tray app (bundled to dist/main/app.js): wires the status core into the
// Electron shell. Everything else lives in lifecycle.ts and the modules it composes.
import { app } from 'electron';
import { createFileStateStore } from '../core/state-store';
import { createStatusCore } from '../core/status-core';
import { runApp } from './lifecycle';

runApp({
  createCore: (config) =>
    createStatusCore({
      sources: config.sources,
      fetch: config.fetch,
      store: config.store,
      reminderMinutes: config.reminderMinutes,
      onWarning: config.onWarning,
    }),
  createStateStore: (filePath, onWarning) => createFileStateStore(filePath, { onWarning }),
}).catch((error: unknown) => {
  console.error('Gandi Status could not start:', error);
  app.exit(1);
});
