/**
 * `window-state.json` in the app's user-data folder: the main window's size, position and maximised state,
 * saved when it closes and restored at the next start. A file that does not fit (edited, truncated, from a
 * newer version) is not an error: the window opens at its default size.
 */
import { z } from 'zod';

/** Screen coordinates and sizes in pixels, bounded far beyond any display. */
const coordinate = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(1).max(100_000);

export const windowStateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: size,
  height: size,
  maximized: z.boolean().optional(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

/** The window at the first start, or when the saved state cannot be used. */
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1400, height: 900 };

/** The saved state in `text`, or the default if it is not JSON or does not fit the format. */
export function parseWindowState(text: string): WindowState {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}
