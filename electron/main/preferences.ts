/**
 * The desktop app's own settings (the UI keeps its own in the page): a small JSON file in userData, read
 * once, written on each change. A missing or damaged file gives the defaults; it is never fatal.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const preferencesSchema = z.object({
  /** Notify when a run ends while the window is in the background. */
  notifyWhenRunsEnd: z.boolean().default(true),
});
export type DesktopPreferences = z.infer<typeof preferencesSchema>;

export class PreferencesFile {
  private current: DesktopPreferences;

  constructor(private readonly file: string) {
    let saved: unknown = {};
    try {
      saved = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      // none yet, or unreadable: the defaults
    }
    const parsed = preferencesSchema.safeParse(saved);
    this.current = parsed.success ? parsed.data : preferencesSchema.parse({});
  }

  get(): DesktopPreferences {
    return this.current;
  }

  set(change: Partial<DesktopPreferences>): void {
    this.current = { ...this.current, ...change };
    writeFileSync(this.file, JSON.stringify(this.current, null, 2));
  }
}
