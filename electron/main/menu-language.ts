/**
 * The desktop menu's language: the one the page saved in its UI state, else the app's locale (which is what the
 * page follows then too: Chromium fills its `navigator.languages` from it). The menu follows the page when the
 * page saves another choice, and View › Language tells the page to switch (the page then saves it).
 */
import type { WorkbenchEvent } from '../../shared/api';
import { matchLocale, type Locale } from '../../shared/i18n/locales';
import type { UiState } from '../../shared/ui-state';
import { WorkbenchService } from '../core/workbench-service';
import type { MenuLanguage } from './menu';

export class DesktopLanguage implements MenuLanguage {
  #chosen: Locale | null;
  /** The language in the page's last saved state (null: it follows the system). */
  #saved: Locale | null;

  constructor(
    saved: Locale | null,
    private readonly appLocale: string,
    private readonly effects: { rebuildMenu(): void; tellPage(event: WorkbenchEvent): void },
  ) {
    this.#chosen = saved;
    this.#saved = saved;
  }

  get locale(): Locale {
    return this.#chosen ?? matchLocale([this.appLocale]);
  }

  /** View › Language: the menu switches at once, the page when it hears the event (and then saves the choice). */
  choose(locale: Locale): void {
    this.follow(locale);
    this.effects.tellPage({ type: 'locale', locale });
  }

  /**
   * The page saved its state: the menu speaks the language the page newly chose. A save that repeats the language
   * saved before chose none: it may have left the page before View › Language was chosen and arrive after (the page
   * saves a moment after each change), and must not turn the menu back.
   */
  pageSaved(locale: Locale | null): void {
    if (locale === this.#saved) return;
    this.#saved = locale;
    this.follow(locale);
  }

  private follow(chosen: Locale | null): void {
    const before = this.locale;
    this.#chosen = chosen;
    if (this.locale !== before) this.effects.rebuildMenu();
  }
}

/** The workbench service whose saved UI state also sets the menu's language. */
export class LanguageFollowingService extends WorkbenchService {
  constructor(
    manager: ConstructorParameters<typeof WorkbenchService>[0],
    info: ConstructorParameters<typeof WorkbenchService>[1],
    private readonly language: DesktopLanguage,
  ) {
    super(manager, info);
  }

  override async setUiState(state: UiState): Promise<void> {
    await super.setUiState(state);
    this.language.pageSaved(state.locale);
  }
}
