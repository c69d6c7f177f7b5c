/**
 * A run's history for `descent show` and `descent export`, however long, in bounded memory: figures
 * folded from one streaming pass, and the whole history as JSON written piece by piece while the file is
 * read — three passes (iterations, losses, times), none holding the history. The JSON is exactly what
 * `JSON.stringify(store.readMetrics(id))` gives; a 10 000 000-iteration history (~450 MB of JSON) would
 * not even fit in one JavaScript string.
 */
import { spreadTimes, type EpochMeasurement } from '../../../shared/metrics';
import { scanMetrics, type MetricsVisitor } from './metrics-scan';

/** What `descent show` prints of a history. */
export interface MetricsTally {
  readonly losses: number;
  readonly lastLoss: number | null;
  readonly epochs: EpochMeasurement[];
  readonly warnings: string[];
}

/** How many losses, the last one, and every epoch, from one pass. */
export function tallyMetrics(path: string, root: string): MetricsTally {
  let losses = 0;
  let lastLoss: number | null = null;
  const epochs: EpochMeasurement[] = [];
  const { warnings } = scanMetrics(path, root, {
    progress: (line) => {
      losses += line.losses.length;
      if (line.losses.length > 0) lastLoss = line.losses[line.losses.length - 1];
    },
    epoch: (measurement) => void epochs.push(measurement),
  });
  return { losses, lastLoss, epochs, warnings };
}

/** A number as JSON writes it (NaN, where no time was recorded, as null). */
const jsonNumber = (value: number): string => (Number.isFinite(value) ? String(value) : 'null');

/** Collects small pieces of text and hands them on in pieces of about 64 KiB. */
export class ChunkedWriter {
  private parts: string[] = [];
  private length = 0;
  constructor(private readonly write: (text: string) => void) {}
  add(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    if (this.length >= 64 * 1024) this.flush();
  }
  flush(): void {
    if (this.parts.length > 0) this.write(this.parts.join(''));
    this.parts = [];
    this.length = 0;
  }
}

/**
 * Writes the history at `path` as the JSON object `{"iterations":[…],"losses":[…],"seconds":[…],
 * "epochs":[…],"warnings":[…]}` through `write`; strings (the warnings) go through `stringify`, numbers
 * as JSON writes them.
 */
export function writeMetricsJson(
  path: string,
  root: string,
  write: (text: string) => void,
  stringify: (value: unknown) => string = JSON.stringify,
): void {
  const out = new ChunkedWriter(write);
  const array = (name: string, first: boolean, pass: (emit: (value: number) => void) => MetricsVisitor) => {
    out.add(`${first ? '{' : ','}"${name}":[`);
    let separator = '';
    const visitor = pass((value) => {
      out.add(separator + jsonNumber(value));
      separator = ',';
    });
    const scan = scanMetrics(path, root, visitor);
    out.add(']');
    return scan;
  };
  const epochs: EpochMeasurement[] = [];
  const { warnings } = array('iterations', true, (emit) => ({
    progress: (line) => line.iterations.forEach(emit),
    epoch: (measurement) => void epochs.push(measurement),
  }));
  array('losses', false, (emit) => ({ progress: (line) => line.losses.forEach(emit), epoch: () => undefined }));
  let lastSeconds = 0;
  array('seconds', false, (emit) => ({
    progress: (line) => {
      spreadTimes(lastSeconds, line.seconds, line.iterations.length).forEach(emit);
      if (line.seconds !== undefined) lastSeconds = line.seconds;
    },
    epoch: () => undefined,
  }));
  out.add(`,"epochs":${stringify(epochs)},"warnings":${stringify(warnings)}}`);
  out.flush();
}
