/**
 * The workbench page's saved state in the store's home (`<home>/ui-state.json`, format shared/ui-state.ts),
 * kept there rather than in the browser's per-origin localStorage so that it survives `descent serve` on
 * another port and is shared with the desktop app. The file is only a preference: a missing, oversized,
 * unreadable or corrupt file reads as the defaults (field by field where the JSON parses), never an error.
 */
import { lstatSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseUiState, uiStateSchema, type UiState } from '../../../shared/ui-state';
import { readStoreFile, replaceFile, StoreFileError } from './store-file';
import { errorCode } from '../../../shared/errors';

/** Far above a real state (100 selected ids, a form draft of a few kB): a larger file is not read. */
export const MAX_UI_STATE_BYTES = 256 * 1024;

export const uiStatePath = (home: string): string => join(home, 'ui-state.json');

/**
 * The saved state, or null if none was ever saved (the page then keeps what it had, e.g. an older
 * localStorage copy). `warn` hears why a file that exists could not be used.
 */
export function readUiState(home: string, warn: (message: string) => void = () => {}): UiState | null {
  const path = uiStatePath(home);
  try {
    lstatSync(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
  }
  let text: string;
  try {
    text = readStoreFile(path, home, MAX_UI_STATE_BYTES).toString('utf8');
  } catch (error) {
    warn(
      `${error instanceof StoreFileError ? error.message : `${path}: ${errorCode(error) ?? 'cannot be read'}`}; the page's saved state starts from its defaults`,
    );
    return parseUiState(null);
  }
  return parseUiState(text);
}

/** Replaces the saved state atomically (a crash leaves the old file or the new one). */
export function writeUiState(home: string, state: UiState): void {
  mkdirSync(home, { recursive: true });
  // Parsed again so that only the schema's fields, each in range, reach the file.
  replaceFile(uiStatePath(home), `${JSON.stringify(uiStateSchema.parse(state))}\n`, { fsync: true });
}
