/**
 * The workbench's state: runs, selection, live metrics. Large metric arrays live outside Svelte's deep
 * proxies (Chart.js mutates what it draws, and proxies would slow every push); a `revision` counter,
 * bumped at most once per animation frame, tells charts to redraw.
 */
import { flushSync } from 'svelte';
import {
  type AppInfo,
  type DamagedRunInfo,
  type SweepRequest,
  type WorkbenchApi,
  type WorkbenchEvent,
} from '../../../shared/api';
import { BOOK_DEFAULTS, type RunConfig } from '../../../shared/config';
import { colourSlots } from '../../../shared/run-colour';
import { isLive, type RunRecord } from '../../../shared/run-record';
import { parseUiState, type ChartPrefs, type LabPage, type SweepDraft, type UiState, type View } from '../../../shared/ui-state';
import { connection, explainFailure, type ConnectionStatus } from './connection';
import { addEpoch, addProgress, type EpochEvent, type LiveMetrics, type ProgressEvent } from './live-metrics';
import { fieldsFrom, type FormFields } from './form';
import { newSweepDraft } from './sweep-draft';
import { matchesFilter } from './run-filter';
import { exportFirstChart } from './export-dialog.svelte';
import { language, type MessageKey } from './i18n';
import { errorNotice, noticeText, type Notice } from './notice';

export type { ChartPrefs, View } from '../../../shared/ui-state';

const STORAGE_KEY = 'descent.ui.v1';
/** Name of the performance measure of one data-driven redraw. */
export const UI_UPDATE_MEASURE = 'descent:ui-update';

/** Quiet time after the last change before the UI state is saved in the store's home (a slider drag saves once). */
const SAVE_DELAY_MS = 300;

/**
 * The UI state this browser holds that the store's home does not have yet (shared/ui-state.ts; null if
 * none): changes made while the backend could not be reached, or in the moment before a reload. Newer
 * than the home's copy, so it wins over it at the next start.
 */
function loadLocal(): UiState | null {
  const text = localText();
  if (text === null) return null;
  try {
    JSON.parse(text);
  } catch {
    return null; // not JSON: nothing this browser kept is usable, the home's copy stands
  }
  return parseUiState(text);
}

function localText(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    // No localStorage (a sandboxed page that may not use it).
    return null;
  }
}

/** Keeps `text` (a UI state) in this browser, or forgets it (null) once the home has it. */
function keepLocal(text: string | null): void {
  try {
    if (text === null) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, text);
  } catch {
    // No localStorage, or it is full: only the home's copy is kept.
  }
}

export type { LiveMetrics };

/** The views that draw the selected runs' histories: without a run selected they have nothing to export. */
const VIEWS_OF_RUNS: ReadonlySet<View> = new Set(['train', 'compare', 'inside']);

/** The events that change the run list (what a list read while they come may predate). */
const RUN_LIST_EVENTS: ReadonlySet<WorkbenchEvent['type']> = new Set(['run-added', 'run-changed', 'run-removed']);

export class Workbench {
  runs = $state.raw<RunRecord[]>([]);
  damaged = $state.raw<DamagedRunInfo[]>([]);
  info = $state.raw<AppInfo | null>(null);
  /** Changes this browser could not save in the store's home yet (null: none). */
  private readonly unsaved = loadLocal();
  private readonly saved = this.unsaved ?? parseUiState(null);
  selected = $state<string[]>(this.saved.selected);
  view = $state<View>(this.saved.view);
  labPage = $state<LabPage>(this.saved.labPage);
  prefs = $state<ChartPrefs>(this.saved.prefs);
  filter = $state('');
  /** Bumped when any run's metrics grow. */
  revision = $state(0);
  /** The error line: a description put into words when shown (notice.ts), so a language switch re-words it. */
  error = $state.raw<Notice | null>(null);
  /** The run form's latest valid configuration: what a sweep varies. */
  baseConfig = $state.raw<RunConfig>(BOOK_DEFAULTS);
  /**
   * The run form as typed, and which fields were touched: kept here, not in the form, so that switching
   * views (which unmounts the form) never loses the user's edits.
   */
  formFields = $state<FormFields>(this.saved.form ?? fieldsFrom());
  formTouched = $state<Record<string, boolean>>({});
  /** The sweep builder as typed: kept here like the run form's fields, and saved with the UI state (a reload keeps it). */
  sweepFields = $state<SweepDraft>(this.saved.sweep ?? newSweepDraft());
  /** Whether the backend is reachable; a banner shows while it is not. */
  connection = $state<ConnectionStatus>(connection.status);

  // Deliberately not reactive (see the file comment): `revision` announces changes instead.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly metrics = new Map<string, LiveMetrics>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly loading = new Map<string, Promise<LiveMetrics>>();
  /** Events of runs whose history is being read, added to it once it arrives (the read may predate them). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly sentWhileLoading = new Map<string, (ProgressEvent | EpochEvent)[]>();
  /** Changes to runs that arrive while the run list is being read (null when it is not). */
  private runEventsWhileListing: WorkbenchEvent[] | null = null;
  private frameScheduled = false;
  /** How long the last data-driven redraw took. */
  private lastRedrawMs = 0;

  /**
   * The backend as the page's parts use it. A file that could not be saved (the desktop app writes where the save
   * dialog said, and a disk can refuse) is said on the error line, whichever part saved it, and counts as not saved.
   */
  readonly api: WorkbenchApi;

  constructor(api: WorkbenchApi) {
    this.api = {
      ...api,
      saveFile: (request) =>
        api.saveFile(request).catch((error: unknown) => {
          this.error = { key: 'failure.saveFailed', values: { name: request.suggestedName, reason: errorNotice(error) } };
          return { saved: false };
        }),
    };
    language.chosen = this.saved.locale;
  }

  /** Loads the store, starts listening to events, and keeps the UI state saved from now on. */
  async load(): Promise<void> {
    connection.onChange((status) => {
      const back = status === 'connected' && this.connection === 'disconnected';
      this.connection = status;
      if (back) void this.resync();
    });
    this.connection = connection.status;
    this.api.subscribe((event) => {
      if (this.runEventsWhileListing && RUN_LIST_EVENTS.has(event.type)) this.runEventsWhileListing.push(event);
      this.apply(event);
    });
    this.runEventsWhileListing = [];
    const [info, list, stored] = await Promise.all([
      this.api.appInfo(),
      this.api.listRuns(),
      // The store's copy: shared by every port of `descent serve` and the desktop app.
      this.api.getUiState().catch(() => null),
    ]).catch((error: unknown) => {
      this.runEventsWhileListing = null;
      throw error;
    });
    this.info = info;
    this.takeRunList(list.runs);
    this.damaged = list.damaged;
    // Changes this browser could not save yet are newer than the home's copy.
    if (stored && !this.unsaved) this.applyUiState(stored);
    // Forget saved selections of runs that are gone.
    this.selected = this.selected.filter((id) => this.runs.some((r) => r.id === id));
    if (this.selected.length === 0 && list.runs.length > 0) this.selected = [list.runs[0].id];
    let timer: ReturnType<typeof setTimeout> | undefined;
    $effect.root(() => {
      $effect(() => {
        const state: UiState = {
          selected: [...this.selected],
          view: this.view,
          labPage: this.labPage,
          prefs: { ...this.prefs },
          form: $state.snapshot(this.formFields),
          sweep: $state.snapshot(this.sweepFields),
          locale: language.chosen,
        };
        // Kept here at once (a reload a moment later keeps it), in the home once the changes settle.
        keepLocal(JSON.stringify(state));
        clearTimeout(timer);
        timer = setTimeout(() => void this.save(state), SAVE_DELAY_MS);
      });
    });
  }

  /**
   * The run list as read, with the changes to runs that arrived while it was read applied again on top, in order: the
   * answer and the event stream travel apart, and the stream is ordered and complete, so the list ends as the latest
   * event says (a run that finished as the page opened stayed "running" when the older list overwrote its event).
   */
  private takeRunList(runs: RunRecord[]): void {
    const arrived = this.runEventsWhileListing ?? [];
    this.runEventsWhileListing = null;
    this.runs = runs;
    arrived.forEach((event) => this.apply(event));
  }

  private applyUiState(state: UiState): void {
    this.selected = state.selected;
    this.view = state.view;
    this.labPage = state.labPage;
    this.prefs = state.prefs;
    this.formFields = state.form ?? fieldsFrom();
    this.sweepFields = state.sweep ?? newSweepDraft();
    language.chosen = state.locale;
  }

  /** Saves the UI state in the store's home; this browser's copy stays while the backend cannot be reached. */
  private async save(state: UiState): Promise<void> {
    const text = JSON.stringify(state);
    try {
      await this.api.setUiState(state);
    } catch {
      return;
    }
    // Forgotten here unless it changed meanwhile.
    if (localText() === text) keepLocal(null);
  }

  /**
   * After the backend was away: events were missed, so the run list and every history are read again
   * (histories lazily, as charts ask for them).
   */
  private async resync(): Promise<void> {
    await this.attempt('action.reloadRuns', async () => {
      this.runEventsWhileListing = [];
      const [info, list] = await Promise.all([this.api.appInfo(), this.api.listRuns()]).catch((error: unknown) => {
        this.runEventsWhileListing = null;
        throw error;
      });
      this.info = info;
      this.takeRunList(list.runs);
      this.damaged = list.damaged;
      this.selected = this.selected.filter((id) => list.runs.some((r) => r.id === id));
      this.metrics.clear();
      this.loading.clear();
      this.sentWhileLoading.clear();
      this.bump();
    });
  }

  /** The error line in the page's language now (read where it is shown: a language switch re-words it). */
  get errorText(): string | null {
    return this.error ? noticeText(this.error) : null;
  }

  /** The runs the list shows: those passing the filter (run-filter.ts: words ANDed, `lr:0.1` field filters). */
  get visibleRuns(): RunRecord[] {
    return this.filter.trim() ? this.runs.filter((r) => matchesFilter(r, this.filter)) : this.runs;
  }

  get selectedRuns(): RunRecord[] {
    // A lookup built and dropped within this getter; nothing observes it.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const byId = new Map(this.runs.map((r) => [r.id, r]));
    return this.selected.map((id) => byId.get(id)).filter((r): r is RunRecord => r !== undefined);
  }

  /** Each run's palette slot: the one stored at its creation, or for older runs their order of creation (shared/run-colour.ts). */
  private readonly colourSlots = $derived(colourSlots(this.runs));

  /**
   * A run's colour index: the same in the list, in every chart and in every session; deleting a run changes
   * nobody else's.
   */
  colourIndex(id: string): number {
    return this.colourSlots.get(id) ?? 0;
  }

  isActive(run: RunRecord): boolean {
    return isLive(run.status);
  }

  /** Selects one run, or toggles it into the selection (`additive`, e.g. with Ctrl/⌘). */
  select(id: string, additive = false): void {
    if (!additive) this.selected = [id];
    else this.selected = this.selected.includes(id) ? this.selected.filter((s) => s !== id) : [...this.selected, id];
  }

  /** The run's history, loaded once and then kept up to date by events. */
  metricsOf(id: string): LiveMetrics | undefined {
    const known = this.metrics.get(id);
    if (known) return known;
    if (!this.loading.has(id)) {
      this.sentWhileLoading.set(id, []);
      this.loading.set(
        id,
        this.api.getMetrics(id).then((m) => {
          const live = { iterations: m.iterations, losses: m.losses, seconds: m.seconds, epochs: m.epochs };
          for (const event of this.sentWhileLoading.get(id) ?? []) {
            if (event.type === 'progress') addProgress(live, event);
            else addEpoch(live, event);
          }
          this.sentWhileLoading.delete(id);
          this.metrics.set(id, live);
          this.loading.delete(id);
          this.bump();
          return live;
        }),
      );
    }
    return undefined;
  }

  async start(config: RunConfig, name?: string): Promise<RunRecord | null> {
    return this.attempt('action.startRun', async () => {
      const run = await this.api.startRun(config, name ? { name } : {});
      this.followFromStart([run]);
      this.selected = [run.id];
      return run;
    });
  }

  /** `config` over `count` seeds as one group (named `name`); the runs are selected and compared as they train. */
  async startRepeats(config: RunConfig, count: number, name?: string): Promise<RunRecord[] | null> {
    return this.attempt('action.startRepeats', async () => {
      const runs = await this.api.startRepeats(config, count, name ? { name } : {});
      this.followFromStart(runs);
      this.selected = runs.map((r) => r.id);
      this.view = 'compare';
      return runs;
    });
  }

  async startSweep(request: SweepRequest): Promise<RunRecord[] | null> {
    return this.attempt('action.startSweep', async () => {
      const runs = await this.api.startSweep(request);
      this.followFromStart(runs);
      this.selected = runs.map((r) => r.id);
      this.view = 'compare';
      return runs;
    });
  }

  /**
   * New runs' histories are built from their events alone, starting empty. Their `run-added` event usually came first
   * and did this already; a run's first progress and epoch events may also come before the start request's answer (the
   * browser's events and answers travel apart), so an existing history is never reset here.
   */
  private followFromStart(runs: readonly RunRecord[]): void {
    for (const run of runs) {
      if (!this.metrics.has(run.id)) this.metrics.set(run.id, { iterations: [], losses: [], seconds: [], epochs: [] });
    }
  }

  stop(id: string) {
    return this.attempt('action.stopRun', () => this.api.stopRun(id));
  }
  pause(id: string) {
    return this.attempt('action.pauseRun', () => this.api.pauseRun(id));
  }
  resume(id: string) {
    return this.attempt('action.resumeRun', () => this.api.resumeRun(id));
  }
  remove(id: string) {
    return this.attempt('action.deleteRun', () => this.api.deleteRun(id));
  }
  restore(id: string) {
    return this.attempt('action.restoreRun', () => this.api.restoreRun(id));
  }
  annotate(id: string, change: { name?: string; tags?: string[]; notes?: string }) {
    return this.attempt('action.annotateRun', () => this.api.annotateRun(id, change));
  }

  /** Opens the run form pre-filled with a run's configuration. */
  trainAgain(run: RunRecord): void {
    this.formFields = fieldsFrom(run.config);
    this.formTouched = {};
    this.view = 'train';
  }

  /** Runs `action`; a failure becomes the page's error, explained if the backend could not be reached. */
  private async attempt<T>(what: MessageKey, action: () => Promise<T>): Promise<T | null> {
    try {
      this.error = null;
      return await action();
    } catch (error) {
      this.error = explainFailure(what, error, this.connection);
      return null;
    }
  }

  private apply(event: WorkbenchEvent): void {
    switch (event.type) {
      case 'run-added':
        if (!this.runs.some((r) => r.id === event.run.id)) this.runs = [event.run, ...this.runs];
        // A run added live (started anywhere) is followed from its first event; an imported, finished one loads from disk.
        if (isLive(event.run.status)) this.followFromStart([event.run]);
        return;
      case 'run-changed':
        this.runs = this.runs.some((r) => r.id === event.run.id)
          ? this.runs.map((r) => (r.id === event.run.id ? event.run : r))
          : [event.run, ...this.runs];
        return;
      case 'run-removed':
        this.runs = this.runs.filter((r) => r.id !== event.id);
        this.selected = this.selected.filter((id) => id !== event.id);
        this.metrics.delete(event.id);
        return;
      case 'progress':
      case 'epoch': {
        const live = this.metrics.get(event.id);
        // A history being read keeps the event for when it arrives; one nobody asked for is read whole when asked.
        if (!live) return void this.sentWhileLoading.get(event.id)?.push(event);
        if (event.type === 'progress' ? addProgress(live, event) : addEpoch(live, event)) this.bump();
        return;
      }
      case 'warning':
        // Worded by its code where it has one (an older backend's warning has its English message only).
        this.error = {
          key: 'errors.runWarning',
          values: { id: event.id, message: event.failure ? { failure: event.failure } : event.message },
        };
        return;
      case 'command':
        if (event.command !== 'export') this.view = event.command === 'new-run' ? 'train' : event.command;
        else if (!exportFirstChart())
          // Selecting a run gives the views that draw runs a figure; the others (Sweep, Gradient check, the Lab) have none.
          this.error = { key: VIEWS_OF_RUNS.has(this.view) ? 'errors.nothingToExport' : 'errors.nothingToExportHere' };
        return;
      case 'locale':
        language.chosen = event.locale;
        return;
    }
  }

  /**
   * Redraw at most once per frame, however many batches arrive. Each redraw (series rebuilt, charts
   * updated) is recorded as the performance measure `descent:ui-update`, which `descent bench` reads.
   */
  private bump(): void {
    if (this.frameScheduled) return;
    this.frameScheduled = true;
    // Pace redraws so that the page stays free at least half of the time for input, however many runs
    // stream in and however long a redraw takes on a busy machine: a redraw of d ms waits d ms before the next.
    setTimeout(
      () =>
        requestAnimationFrame(() => {
          this.frameScheduled = false;
          const started = performance.now();
          this.revision++;
          flushSync();
          this.lastRedrawMs = performance.now() - started;
          performance.measure(UI_UPDATE_MEASURE, { start: started });
        }),
      this.lastRedrawMs,
    );
  }
}
