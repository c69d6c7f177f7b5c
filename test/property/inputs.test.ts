/**
 * Bad input cannot break Descent: for arbitrary values, every entry point either accepts them or says
 * clearly which field is wrong — never a crash, never a half-accepted value.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { API_METHOD_NAMES } from '../../shared/api-methods';
import { parseApiArguments } from '../../shared/api';
import { BOOK_DEFAULTS, LIMITS, parseRunConfig } from '../../shared/config';
import { IdxFormatError, parseIdx } from '../../shared/data/idx';
import { hostMessageSchema, parseMessage, trainerMessageSchema } from '../../shared/protocol';
import { DamagedRunError, RunStore } from '../../electron/core/store/run-store';
import { configFromFlags, UsageError, type TrainFlagValues } from '../../electron/cli/train-flags';
import { makeRecord } from '../support/runs';

const RUNS = { numRuns: 300 };

/** Values a config field might be given by a confused client: anything JSON can carry, and then some. */
const wild = fc.oneof(
  fc.anything(),
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 2 ** 53, 1e308, -1, 0),
  fc.string({ maxLength: 30 }),
  fc.array(fc.oneof(fc.integer({ min: -5, max: 20000 }), fc.string({ maxLength: 4 })), { maxLength: 12 }),
);

describe('run configurations', () => {
  it('any change to any field gives a valid config or issues naming that field', () => {
    const fields = Object.keys(BOOK_DEFAULTS);
    fc.assert(
      fc.property(fc.constantFrom(...fields, 'seed', 'unknownField'), wild, (field, value) => {
        const result = parseRunConfig({ ...BOOK_DEFAULTS, [field]: value });
        if (result.ok) {
          const c = result.config;
          expect(c.layers.every((w) => Number.isInteger(w) && w >= LIMITS.layerWidth.min && w <= LIMITS.layerWidth.max)).toBe(
            true,
          );
          expect(c.learningRate > 0 && c.learningRate <= LIMITS.learningRate.max).toBe(true);
          expect(Number.isInteger(c.batchSize) && Number.isInteger(c.iterations)).toBe(true);
        } else {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) {
            expect(typeof issue.message).toBe('string');
            expect(issue.message.length).toBeGreaterThan(5);
            expect(issue.message.length).toBeLessThan(300);
          }
          expect(result.issues.some((i) => i.field.split('.')[0] === field || i.field === 'config')).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('arbitrary objects never throw', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = parseRunConfig(value);
        expect(typeof result.ok).toBe('boolean');
      }),
      RUNS,
    );
  });
});

describe('API and protocol payloads', () => {
  it('every method rejects or accepts arbitrary arguments without throwing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...API_METHOD_NAMES, 'constructor', '__proto__', 'toString'), fc.anything(), (method, args) => {
        const result = parseApiArguments(method, args);
        if (!result.ok) expect(result.error).toMatch(/^(unknown method|[a-zA-Z]+: argument)/);
      }),
      RUNS,
    );
  });

  it('host and trainer messages: arbitrary values are parsed or refused, never thrown', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        for (const schema of [hostMessageSchema, trainerMessageSchema]) {
          const result = parseMessage(schema as never, value);
          if (!result.ok) expect(result.error).toMatch(/^malformed message: /);
        }
      }),
      RUNS,
    );
  });
});

describe('command-line flags', () => {
  const flagNames: Array<keyof TrainFlagValues> = [
    'hidden',
    'layers',
    'activation',
    'init',
    'loss',
    'gradient',
    'lr',
    'batch',
    'iters',
    'seed',
    'trainSize',
    'dtype',
  ];
  it('any flag values give a config or a UsageError whose lines all name a flag', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('0', '-1', '1e999', 'NaN', '0x10', '1,2,3', ',', '', ' 5 ', '1e-3', '784,50,10'),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...flagNames), text, { maxKeys: 4 }), (flags) => {
        try {
          const config = configFromFlags(flags as TrainFlagValues);
          expect(parseRunConfig(config).ok).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          for (const line of (error as Error).message.split('\n')) expect(line).toMatch(/^--[a-z-]+(\s|:|,| and)/);
        }
      }),
      RUNS,
    );
  });
});

describe('files on disk', () => {
  it('the IDX reader: arbitrary bytes are either a consistent array or an IdxFormatError', () => {
    const header = fc.tuple(fc.constantFrom(0, 1), fc.constantFrom(0, 8, 9, 13), fc.integer({ min: 0, max: 4 }));
    fc.assert(
      fc.property(
        header,
        fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }),
        fc.integer({ min: 1, max: 3 }),
        ([z, type, dims], rest, expected) => {
          const bytes = new Uint8Array([0, z, type, dims, ...rest]);
          try {
            const parsed = parseIdx(bytes, 'f', expected);
            expect(parsed.data.length).toBe(parsed.shape.reduce((a, b) => a * b, 1));
          } catch (error) {
            expect(error).toBeInstanceOf(IdxFormatError);
          }
        },
      ),
      RUNS,
    );
  });

  const home = mkdtempSync(join(tmpdir(), 'descent-property-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('the store: an arbitrary run.json is a record or a DamagedRunError, and listing never fails', () => {
    const store = new RunStore(home);
    const good = makeRecord();
    store.create(good);
    const victim = makeRecord();
    store.create(victim);
    const contents = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.anything().map((v) => JSON.stringify(v) ?? ''),
      fc
        .record({ key: fc.constantFrom(...Object.keys(good)), value: fc.anything() })
        .map(({ key, value }) => JSON.stringify({ ...victim, [key]: value }) ?? ''),
    );
    fc.assert(
      fc.property(contents, (text) => {
        writeFileSync(join(store.runDir(victim.id), 'run.json'), text);
        try {
          expect(store.read(victim.id).id).toBe(victim.id);
        } catch (error) {
          expect(error).toBeInstanceOf(DamagedRunError);
        }
        const { runs } = store.list();
        expect(runs.some((r) => r.id === good.id)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('the metrics reader: arbitrary text gives aligned arrays and warnings, never an error', () => {
    const store = new RunStore(home);
    const run = makeRecord();
    store.create(run);
    const line = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc
        .record({
          type: fc.constantFrom('progress', 'epoch', 'other'),
          iterations: fc.array(fc.integer(), { maxLength: 3 }),
          losses: fc.array(fc.double(), { maxLength: 3 }),
        })
        .map((r) => JSON.stringify(r)),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), fc.boolean(), (lines, trailingNewline) => {
        writeFileSync(store.metricsPath(run.id), lines.join('\n') + (trailingNewline ? '\n' : ''));
        const metrics = store.readMetrics(run.id);
        expect(metrics.iterations.length).toBe(metrics.losses.length);
        expect(metrics.seconds.length).toBe(metrics.iterations.length);
        expect(metrics.iterations.every((v) => typeof v === 'number') && metrics.losses.every((v) => typeof v === 'number')).toBe(
          true,
        );
        expect(metrics.epochs.every((e) => typeof e.testAcc === 'number' && typeof e.iteration === 'number')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
