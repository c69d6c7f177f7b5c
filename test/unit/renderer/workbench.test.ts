/** The UI's state class with a fake backend typed against the real WorkbenchApi. */
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkbenchApi, WorkbenchEvent } from '../../../shared/api';
import type { RunRecord } from '../../../shared/run-record';
import type { UiState } from '../../../shared/ui-state';
import { Workbench } from '../../../renderer/src/lib/workbench.svelte';
import { exportDialog, offerExport, offerFigure } from '../../../renderer/src/lib/export-dialog.svelte';
import { language, t } from '../../../renderer/src/lib/i18n';
import { parseUiState } from '../../../shared/ui-state';
import { FailedCall } from '../../../shared/failure';
import { makeRecord } from '../../support/runs';

// happy-dom provides localStorage and requestAnimationFrame; `storage` reads what the class saved.
const storage = { clear: () => localStorage.clear(), set: (key: string, value: string) => localStorage.setItem(key, value) };
/** The UI state a fake backend keeps "in the store's home" (null: never saved); backends given one home share it. */
interface FakeHome {
  uiState: UiState | null;
}

/** A backend holding `runs`, recording calls, and letting the test push events. */
function fakeBackend(runs: RunRecord[], home: FakeHome = { uiState: null }) {
  let listener: (event: WorkbenchEvent) => void = () => {};
  const api: WorkbenchApi = {
    appInfo: async () => ({ version: 't', transport: 'browser', home: '/h', concurrency: 1, cores: 2 }),
    listRuns: async () => ({ runs, damaged: [] }),
    getRun: async (id) => runs.find((r) => r.id === id)!,
    getMetrics: async () => ({ iterations: [0, 1], losses: [2.3, 2.2], seconds: [0.1, 0.2], epochs: [], warnings: [] }),
    startRun: async (config) => {
      // As the backend refuses it (shared/api.ts's parseApiCall): coded, with the field, value and range.
      if (config.learningRate > 10) {
        const message = 'startRun: argument 0.learningRate: refused by the backend';
        const issue = { field: '0.learningRate', message, code: 'custom', input: config.learningRate };
        throw new FailedCall({ code: 'request.invalid', params: { method: 'startRun' }, message, issues: [issue] });
      }
      return makeRecord({ config: { ...config, seed: 1 } });
    },
    startSweep: async () => [],
    startRepeats: async (config, count) =>
      Array.from({ length: count }, (_, i) => makeRecord({ config: { ...config, seed: (config.seed ?? 1) + i } })),
    pauseRun: async () => {},
    resumeRun: async () => {},
    stopRun: async () => {},
    deleteRun: async () => {},
    restoreRun: async (id) => runs.find((r) => r.id === id)!,
    annotateRun: async (id) => runs.find((r) => r.id === id)!,
    gradientCheck: async () => ({ batch: 3, seed: 0, parameters: [], numericalSeconds: 0, analyticSeconds: 0 }),
    listSnapshots: async () => ({ kind: 'none', snapshots: [] }),
    snapshotWeights: async () => Promise.reject(new Error('no weights in these tests')),
    insideAnalysis: async () => Promise.reject(new Error('no weights in these tests')),
    perClassHistory: async () => ({ points: [] }),
    testImages: async () => ({ width: 28, height: 28, images: [] }),
    labMiniBatches: async () => Promise.reject(new Error('no Lab computations in these tests')),
    labWeightLine: async () => Promise.reject(new Error('no Lab computations in these tests')),
    getUiState: async () => home.uiState,
    setUiState: async (state) => {
      home.uiState = structuredClone(state);
    },
    saveFile: async () => ({ saved: true }),
    subscribe: (l) => {
      listener = l;
      return () => {};
    },
  };
  return { api, emit: (event: WorkbenchEvent) => listener(event) };
}

describe('Workbench state', () => {
  beforeEach(() => storage.clear());

  it('loads the runs and selects the newest', async () => {
    const runs = [makeRecord({ name: 'newest' }, 5), makeRecord({ name: 'older' }, 1)];
    const wb = new Workbench(fakeBackend(runs).api);
    await wb.load();
    expect(wb.runs.map((r) => r.name)).toEqual(['newest', 'older']);
    expect(wb.selectedRuns.map((r) => r.name)).toEqual(['newest']);
  });

  it('keeps selection, view and chart settings across a restart, forgetting runs that are gone', async () => {
    const runs = [makeRecord({}, 5), makeRecord({}, 1)];
    const home: FakeHome = { uiState: null };
    const first = new Workbench(fakeBackend(runs, home).api);
    await first.load();
    first.select(runs[1].id);
    first.view = 'compare';
    first.prefs.smoothing = 0.3;
    flushSync();
    // Saved in the store's home, once the changes settle; not in this browser's localStorage.
    await vi.waitFor(() => expect(home.uiState?.prefs.smoothing).toBe(0.3));
    expect(home.uiState?.view).toBe('compare');
    expect(localStorage.getItem('descent.ui.v1')).toBeNull();
    const again = new Workbench(fakeBackend([runs[1]], home).api);
    await again.load();
    expect(again.view).toBe('compare');
    expect(again.prefs.smoothing).toBe(0.3);
    expect(again.selected).toEqual([runs[1].id]);
    storage.set('descent.ui.v1', '{not json');
    expect(new Workbench(fakeBackend(runs).api).prefs.smoothing).toBe(0.6);
  });

  it('keeps the UI state in this browser only while the backend cannot save it, and starts from it while the backend has none', async () => {
    const home: FakeHome = { uiState: null };
    const down = fakeBackend([], home).api;
    down.setUiState = async () => Promise.reject(new Error('Failed to fetch'));
    const first = new Workbench(down);
    await first.load();
    first.prefs.logY = true;
    first.prefs.xAxis = 'epoch';
    flushSync();
    await vi.waitFor(() => expect(localStorage.getItem('descent.ui.v1')).toContain('"logY":true'));
    expect(home.uiState).toBeNull();
    // The backend has nothing saved (null): the local copy stays, and is then saved in the home.
    const again = new Workbench(fakeBackend([], home).api);
    await again.load();
    expect([again.prefs.logY, again.prefs.xAxis]).toEqual([true, 'epoch']);
    await vi.waitFor(() => expect(home.uiState?.prefs.xAxis).toBe('epoch'));
    // The home's copy wins over this browser's.
    const other: FakeHome = { uiState: { ...home.uiState!, prefs: { ...home.uiState!.prefs, xAxis: 'time' } } };
    expect(localStorage.getItem('descent.ui.v1')).toBeNull();
    const third = new Workbench(fakeBackend([], other).api);
    await third.load();
    expect(third.prefs.xAxis).toBe('time');
    // A change the page had no time to save in the home (a reload at once) is newer than the home's copy.
    third.prefs.smoothing = 0.1;
    flushSync();
    const reloaded = new Workbench(fakeBackend([], other).api);
    await reloaded.load();
    expect([reloaded.prefs.smoothing, reloaded.prefs.xAxis]).toEqual([0.1, 'time']);
  });

  it('applies live events: progress grows the history once per frame, removals leave the selection', async () => {
    const run = makeRecord({ status: 'running' });
    const backend = fakeBackend([run]);
    const wb = new Workbench(backend.api);
    await wb.load();
    expect(wb.metricsOf(run.id)).toBeUndefined();
    // The watched run's history is fetched after the load.
    await vi.waitFor(() => expect(wb.metricsOf(run.id)?.iterations).toEqual([0, 1]));
    const before = wb.revision;
    backend.emit({ type: 'progress', id: run.id, iterations: [2, 3], losses: [2.1, 2.0], seconds: 0.4 });
    backend.emit({ type: 'epoch', id: run.id, epoch: { iteration: 3, epoch: 1, trainAcc: 0.5, testAcc: 0.4 } });
    // One redraw for both events (whenever the page's next frame comes).
    await vi.waitFor(() => expect(wb.revision).toBe(before + 1));
    expect(wb.metricsOf(run.id)).toEqual({
      iterations: [0, 1, 2, 3],
      losses: [2.3, 2.2, 2.1, 2.0],
      seconds: [0.1, 0.2, 0.30000000000000004, 0.4],
      epochs: [{ iteration: 3, epoch: 1, trainAcc: 0.5, testAcc: 0.4 }],
    });
    expect(wb.revision).toBe(before + 1);
    backend.emit({ type: 'run-removed', id: run.id });
    expect(wb.runs).toEqual([]);
    expect(wb.selected).toEqual([]);
  });

  it('shows a refused start as an error and leaves the selection and the run list as they were', async () => {
    const watched = makeRecord({ name: 'watched' });
    const wb = new Workbench(fakeBackend([watched]).api);
    await wb.load();
    expect(wb.selected).toEqual([watched.id]);
    const run = await wb.start({ ...wb.baseConfig, learningRate: 100 });
    expect(run).toBeNull();
    expect(wb.errorText).toBe(
      'Could not start the run: the backend refused the request: learning rate: must be a number greater than 0 and at most 1000, got 100',
    );
    expect(wb.selected).toEqual([watched.id]);
    expect(wb.runs.map((r) => r.id)).toEqual([watched.id]);
  });

  it('repeats start a run per seed, select them all and open the compare view', async () => {
    const wb = new Workbench(fakeBackend([]).api);
    await wb.load();
    const runs = await wb.startRepeats({ ...wb.baseConfig, seed: 7 }, 3, 'three');
    expect(runs!.map((r) => r.config.seed)).toEqual([7, 8, 9]);
    expect(wb.selected).toEqual(runs!.map((r) => r.id));
    expect(wb.view).toBe('compare');
  });

  it("a sweep's runs keep the events that came before the start request's answer", async () => {
    const backend = fakeBackend([]);
    const started = [makeRecord({ status: 'queued' }), makeRecord({ status: 'queued' })];
    // As over the browser bridge: the runs' first events arrive on the event stream before the HTTP answer.
    backend.api.startSweep = async () => {
      for (const run of started) {
        backend.emit({ type: 'run-added', run });
        backend.emit({ type: 'progress', id: run.id, iterations: [0], losses: [2.3], seconds: 0.1 });
        backend.emit({ type: 'epoch', id: run.id, epoch: { iteration: 0, epoch: 0, trainAcc: 0.1, testAcc: 0.09 } });
      }
      return started;
    };
    const wb = new Workbench(backend.api);
    await wb.load();
    await wb.startSweep({ name: 'lr', base: wb.baseConfig, parameter: 'learningRate', values: [0.1, 1] });
    for (const run of started) {
      expect(wb.metricsOf(run.id)).toEqual({
        iterations: [0],
        losses: [2.3],
        seconds: [0.1],
        epochs: [{ iteration: 0, epoch: 0, trainAcc: 0.1, testAcc: 0.09 }],
      });
    }
    // An imported run arrives finished: its history is read from disk, not grown from (absent) events.
    const imported = makeRecord({ status: 'completed' });
    backend.emit({ type: 'run-added', run: imported });
    expect(wb.metricsOf(imported.id)).toBeUndefined();
    await vi.waitFor(() => expect(wb.metricsOf(imported.id)?.iterations).toEqual([0, 1]));
  });

  it('the run list read as the page opens takes the changes that arrived while it was read', async () => {
    const finishing = makeRecord({ status: 'running' });
    const removed = makeRecord({ status: 'completed' });
    const backend = fakeBackend([finishing, removed]);
    const added = makeRecord({ status: 'queued' });
    // As over the browser bridge: the list was read before these changes, and its answer arrives after their events.
    backend.api.listRuns = async () => {
      const before = [structuredClone(finishing), structuredClone(removed)];
      backend.emit({ type: 'run-changed', run: { ...finishing, status: 'completed' } });
      backend.emit({ type: 'run-removed', id: removed.id });
      backend.emit({ type: 'run-added', run: added });
      return { runs: before, damaged: [] };
    };
    const wb = new Workbench(backend.api);
    await wb.load();
    expect(wb.runs.map((r) => [r.id, r.status])).toEqual([
      [added.id, 'queued'],
      [finishing.id, 'completed'],
    ]);
    // Later events apply as before.
    backend.emit({ type: 'run-changed', run: { ...added, status: 'running' } });
    expect(wb.runs.find((r) => r.id === added.id)?.status).toBe('running');
  });

  it("a running run's history read from disk keeps the events sent while it was read, none twice", async () => {
    const running = makeRecord({ status: 'running' });
    const backend = fakeBackend([running]);
    const epoch = (iteration: number) => ({ iteration, epoch: iteration / 2, trainAcc: 0.5, testAcc: 0.4 });
    // As over the browser bridge: events travel apart from the answer. The read holds iterations 0–1 and the first
    // measurement; the events sent while it was made repeat some of that and go further.
    backend.api.getMetrics = async () => {
      backend.emit({ type: 'progress', id: running.id, iterations: [1, 2], losses: [2.2, 2.1], seconds: 0.3 });
      backend.emit({ type: 'epoch', id: running.id, epoch: epoch(0) });
      backend.emit({ type: 'epoch', id: running.id, epoch: epoch(2) });
      backend.emit({ type: 'progress', id: running.id, iterations: [3], losses: [2.0], seconds: 0.4 });
      return { iterations: [0, 1], losses: [2.3, 2.2], seconds: [0.1, 0.2], epochs: [epoch(0)], warnings: [] };
    };
    const wb = new Workbench(backend.api);
    await wb.load();
    expect(wb.metricsOf(running.id)).toBeUndefined();
    await vi.waitFor(() => expect(wb.metricsOf(running.id)).toBeDefined());
    expect(wb.metricsOf(running.id)).toEqual({
      iterations: [0, 1, 2, 3],
      losses: [2.3, 2.2, 2.1, 2.0],
      seconds: [0.1, 0.2, 0.3, 0.4],
      epochs: [epoch(0), epoch(2)],
    });
    // Later events grow it as before; a repeated one changes nothing.
    backend.emit({ type: 'progress', id: running.id, iterations: [3, 4], losses: [2.0, 1.9], seconds: 0.5 });
    expect(wb.metricsOf(running.id)?.iterations).toEqual([0, 1, 2, 3, 4]);
    expect(wb.metricsOf(running.id)?.seconds).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it('filters by name, learning rate, tag and status; menu commands switch views', async () => {
    const runs = [
      makeRecord({ name: 'a', tags: ['book'] }),
      makeRecord({ name: 'b', status: 'failed', config: { ...makeRecord().config, learningRate: 0.5 } }),
    ];
    const backend = fakeBackend(runs);
    const wb = new Workbench(backend.api);
    await wb.load();
    wb.filter = 'book';
    expect(wb.visibleRuns.map((r) => r.name)).toEqual(['a']);
    wb.filter = '0.5';
    expect(wb.visibleRuns.map((r) => r.name)).toEqual(['b']);
    wb.filter = 'FAILED';
    expect(wb.visibleRuns.map((r) => r.name)).toEqual(['b']);
    backend.emit({ type: 'command', command: 'sweep' });
    expect(wb.view).toBe('sweep');
    // View › Runs, Lab, Inside, Train; File › New Run shows the Train view.
    for (const view of ['runs', 'lab', 'inside', 'train'] as const) {
      backend.emit({ type: 'command', command: view });
      expect(wb.view).toBe(view);
    }
    wb.view = 'lab';
    backend.emit({ type: 'command', command: 'new-run' });
    expect(wb.view).toBe('train');
  });

  it('File › Export… opens the export of the first chart on the page in reading order, or says the view shows none', async () => {
    const backend = fakeBackend([]);
    const wb = new Workbench(backend.api);
    await wb.load();
    wb.view = 'compare';
    backend.emit({ type: 'command', command: 'export' });
    expect(wb.errorText).toBe('File › Export…: this view shows no chart to export (select a run that has a history)');
    expect(wb.view).toBe('compare');
    wb.error = null;
    const [upper, lower] = [document.createElement('figure'), document.createElement('figure')];
    document.body.append(upper, lower);
    const opened: string[] = [];
    // Offered in the other order than they stand on the page: the page's order wins.
    const withdrawLower = offerExport(lower, () => opened.push('lower'));
    const withdrawUpper = offerExport(upper, () => opened.push('upper'));
    backend.emit({ type: 'command', command: 'export' });
    expect(opened).toEqual(['upper']);
    withdrawUpper();
    backend.emit({ type: 'command', command: 'export' });
    expect(opened).toEqual(['upper', 'lower']);
    // A chart no longer on the page is never opened.
    lower.remove();
    backend.emit({ type: 'command', command: 'export' });
    expect(opened).toEqual(['upper', 'lower']);
    expect(wb.errorText).toMatch(/shows no chart/);
    withdrawLower();
    expect(wb.view).toBe('compare');
  });

  it('File › Export… on a figure that is no chart offers its own formats; a view that draws no runs says it has no figure, without asking for a run', async () => {
    const backend = fakeBackend([]);
    const wb = new Workbench(backend.api);
    await wb.load();
    for (const view of ['sweep', 'gradcheck', 'lab', 'runs'] as const) {
      wb.view = view;
      backend.emit({ type: 'command', command: 'export' });
      expect(wb.errorText).toBe('File › Export…: this view shows no figure to export');
    }
    wb.error = null;
    const table = document.createElement('section');
    document.body.append(table);
    const saved: string[] = [];
    const withdraw = offerFigure(table, () => ({
      what: 'runs table',
      formats: ['csv'],
      save: (format) => void saved.push(format),
    }));
    backend.emit({ type: 'command', command: 'export' });
    expect(wb.error).toBeNull();
    expect(exportDialog.figure?.what).toBe('runs table');
    expect(exportDialog.figure?.formats).toEqual(['csv']);
    await exportDialog.figure?.save('csv');
    expect(saved).toEqual(['csv']);
    withdraw();
    table.remove();
    exportDialog.figure = null;
  });
});

describe('Workbench connection and form', () => {
  beforeEach(() => storage.clear());

  it('a lost backend shows as disconnected; Start then explains; on return the runs are read again', async () => {
    const { connection } = await import('../../../renderer/src/lib/connection');
    const runs = [makeRecord({ name: 'before' })];
    const backend = fakeBackend(runs);
    let lists = 0;
    const list = backend.api.listRuns;
    backend.api.listRuns = () => (lists++, list());
    let reachable = true;
    const startRun = backend.api.startRun;
    backend.api.startRun = (config, meta) =>
      reachable ? startRun(config, meta) : Promise.reject(new TypeError('Failed to fetch'));
    const wb = new Workbench(backend.api);
    connection.report(true);
    await wb.load();
    expect(lists).toBe(1);
    reachable = false;
    connection.report(false);
    expect(wb.connection).toBe('disconnected');
    expect(await wb.start(wb.baseConfig)).toBeNull();
    expect(wb.errorText).toMatch(/^Cannot start the run: the Descent backend is not reachable/);
    runs.push(makeRecord({ name: 'made while away' }));
    reachable = true;
    connection.report(true);
    // On return the workbench reads the store again (asynchronously): wait for that read, not for a set time.
    await vi.waitFor(() => expect(wb.runs).toHaveLength(2));
    expect(wb.connection).toBe('connected');
    expect(lists).toBe(2);
    expect(wb.runs.map((r) => r.name)).toEqual(['before', 'made while away']);
  });

  it('the run form\'s fields live in the workbench (they outlast the form); "train again" fills them', async () => {
    const wb = new Workbench(fakeBackend([]).api);
    wb.formFields.hidden = ['100'];
    wb.formFields.learningRate = '0.5';
    expect(wb.formFields.learningRate).toBe('0.5');
    const run = makeRecord({ config: { ...makeRecord().config, learningRate: 2, layers: [784, 30, 10] } });
    wb.trainAgain(run);
    expect(wb.view).toBe('train');
    expect(wb.formFields.learningRate).toBe('2');
    expect(wb.formFields.hidden).toEqual(['30']);
  });

  it('a half-filled form survives a restart of the page; a form saved by hand that does not fit is dropped', async () => {
    const home: FakeHome = { uiState: null };
    const first = new Workbench(fakeBackend([], home).api);
    await first.load();
    first.formFields.learningRate = '0.5';
    first.formFields.hidden = ['100'];
    flushSync();
    await vi.waitFor(() => expect(home.uiState?.form?.learningRate).toBe('0.5'));
    const again = new Workbench(fakeBackend([], home).api);
    await again.load();
    expect(again.formFields.learningRate).toBe('0.5');
    expect(again.formFields.hidden).toEqual(['100']);
    storage.set('descent.ui.v1', JSON.stringify({ form: { learningRate: 7 } }));
    expect(new Workbench(fakeBackend([]).api).formFields.learningRate).toBe('0.1');
  });

  it('a half-typed sweep survives a restart of the page; a sweep saved by hand that does not fit starts afresh', async () => {
    const home: FakeHome = { uiState: null };
    const first = new Workbench(fakeBackend([], home).api);
    await first.load();
    expect(first.sweepFields).toMatchObject({ parameter: 'learningRate', valuesText: '0.001, 0.01, 0.1, 1, 10', name: null });
    first.sweepFields.parameter = 'batchSize';
    first.sweepFields.valuesText = '50, 100';
    first.sweepFields.name = 'batch for the report';
    first.sweepFields.repeatText = '2';
    flushSync();
    await vi.waitFor(() => expect(home.uiState?.sweep?.valuesText).toBe('50, 100'));
    const again = new Workbench(fakeBackend([], home).api);
    await again.load();
    expect(again.sweepFields).toEqual({
      parameter: 'batchSize',
      valuesText: '50, 100',
      name: 'batch for the report',
      iterations: null,
      repeatText: '2',
      parallelText: '',
    });
    storage.set('descent.ui.v1', JSON.stringify({ sweep: { parameter: 'momentum', valuesText: '0.9' } }));
    expect(new Workbench(fakeBackend([]).api).sweepFields.parameter).toBe('learningRate');
  });

  it('colours follow creation order in the store, whatever order the list is in', async () => {
    const older = makeRecord({}, 1);
    const newer = makeRecord({}, 2);
    const wb = new Workbench(fakeBackend([newer, older]).api);
    await wb.load();
    expect([wb.colourIndex(older.id), wb.colourIndex(newer.id)]).toEqual([0, 1]);
  });
});

/** What the browser says its user reads (happy-dom's navigator), announced as a browser does. */
function setBrowserLanguages(languages: string[]): void {
  Object.defineProperty(navigator, 'languages', { value: languages, configurable: true });
  window.dispatchEvent(new Event('languagechange'));
}

describe('the page language', () => {
  beforeEach(() => {
    storage.clear();
    language.chosen = null;
  });
  afterEach(() => setBrowserLanguages(['en-US']));

  it('follows navigator.languages: the first the workbench speaks (any Chinese reads 简体中文), else English', async () => {
    setBrowserLanguages(['fr-FR', 'ja-JP', 'en']);
    // A page opened now reads the browser's list as it starts.
    vi.resetModules();
    const fresh = await import('../../../renderer/src/lib/i18n');
    expect(fresh.language.current).toBe('ja');
    expect(fresh.t('app.tab.train')).toBe('学習');
    // And follows it while open.
    setBrowserLanguages(['zh-TW', 'en']);
    expect([fresh.language.current, language.current]).toEqual(['zh-CN', 'zh-CN']);
    expect(t('app.tab.compare')).toBe('比较');
    setBrowserLanguages(['de-DE', 'fr']);
    expect(language.current).toBe('en');
    expect(t('app.tab.compare')).toBe('Compare');
  });

  it('the error line is worded when shown: a language switch re-words it, the failure and the action alike', async () => {
    const wb = new Workbench(fakeBackend([]).api);
    await wb.load();
    await wb.start({ ...wb.baseConfig, learningRate: 100 });
    // The same failure, read after each switch (as the page's markup reads it again when the language changes).
    const texts: Array<string | null> = [wb.errorText];
    language.chosen = 'zh-CN';
    texts.push(wb.errorText);
    language.chosen = 'ja';
    texts.push(wb.errorText);
    expect(texts).toEqual([
      'Could not start the run: the backend refused the request: learning rate: must be a number greater than 0 and at most 1000, got 100',
      '无法开始训练：后端拒绝了该请求：学习率：必须是大于 0 且不超过 1000 的数，当前为 100',
      '学習を開始することができませんでした：バックエンドが要求を拒否しました：学習率：0 より大きく 1000 以下の数にしてください（入力値：100）',
    ]);
  });

  it('a file the backend could not write is said on the error line, in the language of the moment, and counts as not saved', async () => {
    const backend = fakeBackend([]);
    const failure = { code: 'export.writeFailed', params: { reason: 'EACCES: permission denied' }, message: 'x' } as const;
    backend.api.saveFile = async () => {
      throw new FailedCall(failure);
    };
    const wb = new Workbench(backend.api);
    await wb.load();
    const request = { suggestedName: 'loss.csv', mime: 'text/csv', data: 'x', base64: false } as const;
    expect(await wb.api.saveFile(request)).toEqual({ saved: false });
    expect(wb.errorText).toBe('Could not save loss.csv: the file could not be written (EACCES: permission denied)');
    language.chosen = 'zh-CN';
    expect(wb.errorText).toBe('无法保存 loss.csv：无法写入文件（EACCES: permission denied）');
  });

  it("a run's warning is worded by its code, and follows a language switch", async () => {
    const backend = fakeBackend([]);
    const wb = new Workbench(backend.api);
    await wb.load();
    const id = '20261201-101500-abcdef';
    const message = 'the trainer did not stop in time and was killed';
    backend.emit({ type: 'warning', id, message, failure: { code: 'run.killedAfterStop', params: {}, message } });
    expect(wb.errorText).toBe(`run ${id}: the trainer did not stop in time and was killed`);
    language.chosen = 'zh-CN';
    expect(wb.errorText).toBe(`训练 ${id}：训练进程未能及时停止，已被强制结束`);
  });

  it("the choice is kept in the store home's UI state and restored at the next start; an older state follows the browser", async () => {
    const home: FakeHome = { uiState: null };
    const first = new Workbench(fakeBackend([], home).api);
    await first.load();
    language.chosen = 'ja';
    flushSync();
    await vi.waitFor(() => expect(home.uiState?.locale).toBe('ja'));
    language.chosen = null;
    storage.clear();
    const again = new Workbench(fakeBackend([], home).api);
    await again.load();
    expect(language.current).toBe('ja');
    // A ui-state.json written before the language was kept: the page follows the browser.
    storage.clear();
    const older: Partial<UiState> = { ...home.uiState! };
    delete older.locale;
    const fromOlder = new Workbench(fakeBackend([], { uiState: parseUiState(JSON.stringify(older)) }).api);
    await fromOlder.load();
    expect([language.chosen, language.current]).toEqual([null, 'en']);
  });

  it("the desktop menu's View › Language switches the page, which saves the choice", async () => {
    const home: FakeHome = { uiState: null };
    const backend = fakeBackend([], home);
    const wb = new Workbench(backend.api);
    await wb.load();
    backend.emit({ type: 'locale', locale: 'zh-CN' });
    expect(t('app.tab.sweep')).toBe('参数扫描');
    flushSync();
    await vi.waitFor(() => expect(home.uiState?.locale).toBe('zh-CN'));
  });
});
