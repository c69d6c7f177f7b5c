/** IPC channel names, shared by main and preload (no Electron import: the preload bundles it too). */
import { API_METHOD_NAMES, type ApiMethod } from '../../shared/api-methods';

export const CHANNEL_PREFIX = 'descent:';
/** Events from main to the window. */
export const EVENT_CHANNEL = 'descent:event';
/** The one call that is not a backend method: save a file through the native dialog. */
export const SAVE_FILE_CHANNEL = 'descent:saveFile';

export const API_METHODS: readonly ApiMethod[] = API_METHOD_NAMES;

export function channelOf(method: ApiMethod): string {
  return `${CHANNEL_PREFIX}${method}`;
}
