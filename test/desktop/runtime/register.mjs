// `node --import test/desktop/runtime/register.mjs out/main/index.js`: the app's main process with
// `electron` resolved to the stand-in. Only the stand-in's own TypeScript goes through tsx (scoped, by
// tsImport); the built app and its trainers run as plain Node runs them, so a bundle that needs a loader
// fails here as it would in Electron.
import { register } from 'node:module';
import { tsImport } from 'tsx/esm/api';

const KEY = 'descent.standIn.electron';
const electron = await tsImport('./electron.ts', import.meta.url);
const control = await tsImport('./control.ts', import.meta.url);
globalThis[Symbol.for(KEY)] = electron;
register('./hooks.mjs', import.meta.url, {
  data: { key: KEY, names: Object.keys(electron).filter((name) => name !== 'default') },
});
control.startControl(electron);
