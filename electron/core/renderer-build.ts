/** The renderer's build (Vite, a development dependency: present in a repository checkout). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the built renderer lands. */
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');

export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.renderer.config.ts'), logLevel: 'warn' });
}
