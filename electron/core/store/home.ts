/**
 * Where Descent keeps its data: `DESCENT_HOME` if set, else the folder Electron's
 * `app.getPath('userData')` gives the desktop app, so the CLI and the app share one store.
 */
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

/** Electron names the user-data folder after the app's product name. */
export const PRODUCT_NAME = 'Descent';

export function descentHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DESCENT_HOME) return env.DESCENT_HOME;
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
  }
}
