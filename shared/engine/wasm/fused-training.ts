/**
 * A network resident in WebAssembly memory, trained and evaluated one call per batch
 * (assembly/training.ts): no operand is copied per product, the element-wise passes run there too, and
 * the first layer works from the images' non-zero pixels.
 *
 * For sparse datasets (MNIST: 81% zeros) the lists of non-zero pixels of every image are made once and
 * kept in WebAssembly memory (2 bytes of pixel index and its byte per non-zero pixel: 28 MB for MNIST's
 * 70 000 images, against 55 MB of images); a step then passes only the batch's image indices and
 * labels. Denser datasets go in as pixels, batch by batch.
 *
 * Each network gets its own module instance on a memory sized once for everything it needs; the
 * memory never grows, so the weight arrays handed out (views into it) stay valid: MultiLayerNet adopts
 * them, and every TypeScript path (numerical gradient, gradient check, saving weights) sees the same
 * numbers the WebAssembly step updates.
 */
import { z } from 'zod';
import type { Dataset } from '../dataset';
import { bytesPerElement } from '../tensor';
import type { NetworkSpec, ResidentNetwork, TrainingBackend } from '../types';
import * as word from './descriptor-layout';
import { instantiateKernels, instantiateOn, PAGE, type WasmMemory } from './module';

interface TrainingExports {
  heapBase(): number;
  trainingStepF32(
    desc: number,
    rows: number,
    resident: boolean,
    learningRate: number,
    crossEntropyDelta: number,
    lossAfterUpdate: boolean,
  ): number;
  trainingStepF64(
    desc: number,
    rows: number,
    resident: boolean,
    learningRate: number,
    crossEntropyDelta: number,
    lossAfterUpdate: boolean,
  ): number;
  countCorrectF32(desc: number, rows: number, resident: boolean): number;
  countCorrectF64(desc: number, rows: number, resident: boolean): number;
}

/** The module's static data lives below this offset; the layout starts here. */
const STATIC_BYTES = PAGE;
/** The largest WebAssembly memory a resident network may take (wasm32 stops at 4 GiB). */
const MAX_MEMORY_BYTES = 2 ** 31;

/** The descriptor word of each region the host lays out (see descriptor-layout.ts). */
const REGION_WORD = {
  pixels: word.PIXELS,
  denseX: word.DENSE_X,
  rowStart: word.ROW_START,
  columns: word.COLUMNS,
  bytes: word.BYTES,
  labels: word.LABELS,
  indices: word.INDICES,
  table: word.TABLE,
  perSample: word.PER_SAMPLE,
  columnStart: word.COLUMN_START,
  cursor: word.CURSOR,
  cscRows: word.CSC_ROWS,
  cscValues: word.CSC_VALUES,
  transposed: word.TRANSPOSED,
} as const;
/** The descriptor word of each field of a layer, counted from the layer's first word. */
const LAYER_FIELD_WORD = {
  in: word.LAYER_IN,
  out: word.LAYER_OUT,
  w: word.LAYER_W,
  b: word.LAYER_B,
  gw: word.LAYER_GW,
  gb: word.LAYER_GB,
  output: word.LAYER_OUTPUT,
  delta: word.LAYER_DELTA,
} as const;

/** Where each image's non-zero pixels start (count + 1 entries), their indices, and their bytes. */
interface PixelLists {
  readonly start: Int32Array;
  readonly columns: Uint16Array;
  readonly bytes: Uint8Array;
}

/** How many pixels of `data` are non-zero, in all and at most in one image. */
export interface NonZeroCount {
  readonly total: number;
  readonly perImage: number;
}

/** The non-zero pixels of `data`, or null if it is too dense (or too wide) for pixel lists to pay. */
export function residentNonZero(data: Dataset): NonZeroCount | null {
  const { images, count, features } = data;
  if (features > 65536) return null;
  let total = 0;
  let perImage = 0;
  for (let image = 0; image < count; image++) {
    let inImage = 0;
    const end = (image + 1) * features;
    for (let i = image * features; i < end; i++) if (images[i] !== 0) inImage++;
    total += inImage;
    if (inImage > perImage) perImage = inImage;
  }
  return total > word.RESIDENT_DENSITY * count * features ? null : { total, perImage };
}

/** Writes the non-zero pixels of every image of `data` into `lists` (sized by residentNonZero). */
export function fillPixelLists(data: Dataset, lists: PixelLists): void {
  const { images, count, features } = data;
  let q = 0;
  lists.start[0] = 0;
  for (let image = 0; image < count; image++) {
    const base = image * features;
    for (let p = 0; p < features; p++) {
      const byte = images[base + p];
      if (byte === 0) continue;
      lists.columns[q] = p;
      lists.bytes[q++] = byte;
    }
    lists.start[image + 1] = q;
  }
}

/** A bump allocator over byte offsets, 16-byte aligned (the SIMD loads want aligned rows). */
class Layout {
  private next = STATIC_BYTES;
  take(bytes: number): number {
    const at = this.next;
    this.next += Math.ceil(bytes / 16) * 16; // (not bitwise: sizes may pass 2³¹)
    return at;
  }
  /** Everything taken, plus one vector of slack: row-end loads may read up to 16 bytes past a region. */
  get size(): number {
    return this.next + 16;
  }
}

/** Byte offsets of one layer's values and its widths: the words of the layer in the descriptor. */
type LayerPlan = Record<keyof typeof LAYER_FIELD_WORD, number>;

/** Where a dataset's resident pixel lists live (see PixelLists), with their size. */
interface ResidentSource {
  readonly nonZero: NonZeroCount;
  readonly start: number;
  readonly columns: number;
  readonly bytes: number;
}

/**
 * One network's descriptor and buffers (byte offsets): the training network's, or its evaluation twin's —
 * a second descriptor over the same pixel lists with weights, outputs and batch buffers of its own, in
 * which another thread counts correct answers for a snapshot of the weights while training goes on.
 */
interface NetworkPlan {
  readonly desc: number;
  readonly descWords: number;
  readonly region: Record<keyof typeof REGION_WORD, number>;
  readonly layers: readonly LayerPlan[];
  /** True when no dataset goes in as pixels (no pixel buffers are laid out then). */
  readonly allResident: boolean;
  readonly batchRows: number;
  /** The most images one call (a step or a count) takes. */
  readonly maxRows: number;
}

/** Where everything of one resident network lives in WebAssembly memory (byte offsets). */
interface MemoryPlan extends NetworkPlan {
  /** Bytes of memory the network needs. */
  readonly size: number;
  /** Every dataset the network accepts: its resident lists, or null for one that goes in as pixels. */
  readonly sources: ReadonlyMap<Dataset, ResidentSource | null>;
  /** The evaluation twin, when asked for (only where every dataset is resident). */
  readonly twin: NetworkPlan | null;
}

/**
 * Lays out the descriptor, every buffer and each dataset's resident pixel lists (counted, not yet made), and
 * with `twin` a second descriptor for evaluating `evalRows` images at a time beside the training.
 */
function planMemory(
  spec: NetworkSpec,
  datasets: readonly Dataset[],
  batchRows: number,
  evalRows: number,
  twin: boolean,
): MemoryPlan {
  const features = spec.layers[0];
  // Counted first and written straight into WebAssembly memory: no second copy of the lists is ever held.
  const nonZero = new Map(datasets.map((data) => [data, residentNonZero(data)]));
  const allResident = [...nonZero.values()].every((n) => n !== null);
  const batchNonZero = allResident
    ? Math.max(...[...nonZero.values()].map((n) => n!.perImage))
    : Math.ceil(word.RESIDENT_DENSITY * features);
  const layout = new Layout();
  const network = planNetwork(layout, spec, batchRows, Math.max(batchRows, evalRows), batchNonZero, allResident);
  const sources = new Map<Dataset, ResidentSource | null>();
  for (const [data, n] of nonZero) {
    sources.set(
      data,
      n === null
        ? null
        : {
            nonZero: n,
            start: layout.take(4 * (data.count + 1)),
            columns: layout.take(2 * n.total),
            bytes: layout.take(n.total),
          },
    );
  }
  // The twin only counts: no batch of its own to train on, and only resident lists to read.
  const evaluationTwin = twin && allResident ? planNetwork(layout, spec, 0, evalRows, 0, true) : null;
  return { ...network, size: layout.size, sources, twin: evaluationTwin };
}

/** Lays out one network's descriptor, buffers and layers (see NetworkPlan). */
function planNetwork(
  layout: Layout,
  spec: NetworkSpec,
  batchRows: number,
  maxRows: number,
  batchNonZero: number,
  allResident: boolean,
): NetworkPlan {
  const features = spec.layers[0];
  const size = bytesPerElement(spec.dtype);
  const depth = spec.layers.length - 1;
  const descWords = word.LAYERS + word.LAYER_WORDS * depth;
  const desc = layout.take(4 * descWords);
  const region = {
    // Pixels, their lists and their dense float form only serve datasets without resident lists.
    pixels: layout.take(allResident ? 0 : maxRows * features),
    denseX: layout.take(allResident ? 0 : size * maxRows * features),
    rowStart: layout.take(allResident ? 0 : 4 * (maxRows + 1)),
    columns: layout.take(allResident ? 0 : 2 * maxRows * features),
    bytes: layout.take(allResident ? 0 : maxRows * features),
    labels: layout.take(4 * maxRows),
    indices: layout.take(4 * maxRows),
    table: layout.take(256 * size),
    perSample: layout.take(8 * maxRows),
    columnStart: layout.take(4 * (features + 1)),
    cursor: layout.take(4 * features),
    // By-pixel lists of a batch: at most its images' non-zero pixels (listed batches: half their pixels).
    cscRows: layout.take(4 * batchRows * batchNonZero),
    cscValues: layout.take(size * batchRows * batchNonZero),
    transposed: layout.take(size * Math.max(0, ...spec.layers.slice(1, -1).map((k, i) => k * spec.layers[i + 2]))),
  };
  const layers = Array.from({ length: depth }, (_, l) => {
    const [k, n] = [spec.layers[l], spec.layers[l + 1]];
    return {
      in: k,
      out: n,
      w: layout.take(size * k * n),
      b: layout.take(size * n),
      gw: layout.take(size * k * n),
      gb: layout.take(size * n),
      output: layout.take(size * maxRows * n),
      delta: layout.take(size * maxRows * n),
    };
  });
  return { desc, descWords, region, layers, allResident, batchRows, maxRows };
}

/** Writes the descriptors (the network's and its twin's), the datasets' pixel lists and the pixel tables into `buffer`. */
function writeMemory(buffer: ArrayBuffer, plan: MemoryPlan, spec: NetworkSpec): void {
  writeDescriptor(buffer, plan, spec);
  if (plan.twin) writeDescriptor(buffer, plan.twin, spec);
  for (const [data, at] of plan.sources) {
    if (!at) continue;
    const n = at.nonZero.total;
    fillPixelLists(data, {
      start: new Int32Array(buffer, at.start, data.count + 1),
      columns: new Uint16Array(buffer, at.columns, n),
      bytes: new Uint8Array(buffer, at.bytes, n),
    });
  }
}

/** Writes one network's descriptor words and its pixel table. */
function writeDescriptor(buffer: ArrayBuffer, plan: NetworkPlan, spec: NetworkSpec): void {
  const words = new Int32Array(buffer, plan.desc, plan.descWords);
  words[word.DEPTH] = plan.layers.length;
  words[word.ACTIVATION] = spec.activation === 'relu' ? 1 : 0;
  words[word.LOSS] = spec.loss === 'mse' ? 1 : 0;
  words[word.FEATURES] = spec.layers[0];
  for (const [name, offset] of Object.entries(plan.region)) words[REGION_WORD[name as keyof typeof plan.region]] = offset;
  plan.layers.forEach((layer, l) => {
    for (const [name, value] of Object.entries(layer))
      words[word.LAYERS + word.LAYER_WORDS * l + LAYER_FIELD_WORD[name as keyof typeof layer]] = value;
  });
  const table =
    spec.dtype === 'float64'
      ? new Float64Array(buffer, plan.region.table, 256)
      : new Float32Array(buffer, plan.region.table, 256);
  for (let v = 0; v < 256; v++) table[v] = v / 255; // the same table as pixelScale
}

/**
 * The network's operations on a module instance whose memory `writeMemory` has filled (`plan`: the training
 * network's, or its twin's in another thread; `sources`: the datasets it accepts and their lists).
 */
function residentNetwork(
  buffer: ArrayBuffer,
  exports: TrainingExports,
  plan: NetworkPlan,
  sources: ReadonlyMap<Dataset, ResidentSource | null>,
  spec: NetworkSpec,
  evaluationShare: EvaluationShare | null,
): ResidentNetwork {
  const { region, maxRows, batchRows, desc } = plan;
  const words = new Int32Array(buffer, plan.desc, plan.descWords);
  const features = spec.layers[0];
  const View = spec.dtype === 'float64' ? Float64Array : Float32Array;
  const pixels = new Uint8Array(buffer, region.pixels, plan.allResident ? 0 : maxRows * features);
  const labels = new Int32Array(buffer, region.labels, maxRows);
  const indicesIn = new Int32Array(buffer, region.indices, maxRows);
  const stepFn = spec.dtype === 'float64' ? exports.trainingStepF64 : exports.trainingStepF32;
  const countFn = spec.dtype === 'float64' ? exports.countCorrectF64 : exports.countCorrectF32;

  /** Puts the images `imageAt(0 … rows−1)` of `data` and their labels where the module reads them; true if by index. */
  const load = (data: Dataset, rows: number, limit: number, imageAt: (r: number) => number): boolean => {
    if (!sources.has(data)) throw new Error('this network was prepared for other datasets');
    if (rows > limit) throw new RangeError(`at most ${limit} images per call, got ${rows}`);
    const source = sources.get(data);
    if (source) {
      words[word.SOURCE_START] = source.start;
      words[word.SOURCE_COLUMNS] = source.columns;
      words[word.SOURCE_BYTES] = source.bytes;
    }
    for (let r = 0; r < rows; r++) {
      const image = imageAt(r);
      labels[r] = data.labels[image];
      if (source) indicesIn[r] = image;
      else pixels.set(data.images.subarray(image * features, (image + 1) * features), r * features);
    }
    return Boolean(source);
  };
  return {
    weights: plan.layers.map((layer) => new View(buffer, layer.w, layer.in * layer.out)),
    biases: plan.layers.map((layer) => new View(buffer, layer.b, layer.out)),
    evaluationShare,
    step(data, indices, learningRate, crossEntropyDelta, lossTiming) {
      const resident = load(data, indices.length, batchRows, (r) => indices[r]);
      return stepFn(desc, indices.length, resident, learningRate, crossEntropyDelta, lossTiming === 'after-update');
    },
    countCorrect(data, start, rows) {
      const resident = load(data, rows, maxRows, (r) => start + r);
      return countFn(desc, rows, resident);
    },
  };
}

/**
 * A resident network for `spec`, training on batches of `batchRows` images and evaluating `evalRows`
 * at a time, on `datasets` (the only ones it accepts later); null where WebAssembly SIMD is unavailable
 * or the network would need more than 2 GiB of it. Three steps: plan the memory, fill it, wrap it.
 */
export function createFusedTraining(
  spec: NetworkSpec,
  datasets: readonly Dataset[],
  batchRows: number,
  evalRows: number,
  options: { evaluationTwin?: boolean } = {},
): ResidentNetwork | null {
  const features = spec.layers[0];
  for (const data of datasets) {
    if (data.features !== features)
      throw new RangeError(`the network takes ${features} inputs, the images have ${data.features} pixels`);
  }
  // The WebAssembly step knows sigmoid and ReLU; a step-function network trains in TypeScript.
  if (spec.activation === 'step') return null;
  const plan = planMemory(spec, datasets, batchRows, evalRows, options.evaluationTwin ?? false);
  // Beyond this the TypeScript step (whose memory the run's estimate guards) does the work instead.
  if (plan.size > MAX_MEMORY_BYTES) return null;
  const instance = instantiateKernels<TrainingExports>(plan.size);
  if (!instance) return null;
  const { memory, exports } = instance;
  if (exports.heapBase() > STATIC_BYTES) throw new Error("the WebAssembly module's static data outgrew its reserved page");
  writeMemory(memory.buffer, plan, spec);
  const share = plan.twin ? evaluationShare(memory, plan, plan.twin, spec, datasets) : null;
  return residentNetwork(memory.buffer, exports, plan, plan.sources, spec, share);
}

const offset = z.number().int().nonnegative();
const networkPlanSchema = z.strictObject({
  desc: offset,
  descWords: offset,
  region: z.strictObject(
    Object.fromEntries(Object.keys(REGION_WORD).map((name) => [name, offset])) as Record<keyof typeof REGION_WORD, typeof offset>,
  ),
  layers: z.array(
    z.strictObject(
      Object.fromEntries(Object.keys(LAYER_FIELD_WORD).map((name) => [name, offset])) as Record<
        keyof typeof LAYER_FIELD_WORD,
        typeof offset
      >,
    ),
  ),
  allResident: z.literal(true),
  batchRows: offset,
  maxRows: offset,
});

/**
 * What a worker thread needs to evaluate snapshots of a resident network in the network's own memory (a
 * shared one): the memory, the twin's layout, and each dataset's labels and lists in the order the network
 * was given them. Structured-cloneable (postMessage shares the memory, copies the rest: 70 kB of labels for
 * MNIST); checked on arrival, as everything that crosses a thread.
 */
export const evaluationShareSchema = z.strictObject({
  memory: z.custom<WasmMemory>((value) => typeof value === 'object' && value !== null && 'buffer' in value && 'grow' in value),
  spec: z.strictObject({
    layers: z.array(z.number().int().positive()),
    activation: z.enum(['sigmoid', 'relu', 'step']),
    loss: z.enum(['cross_entropy', 'mse']),
    dtype: z.enum(['float32', 'float64']),
    crossEntropyDelta: z.number().optional(),
  }),
  twin: networkPlanSchema,
  datasets: z.array(
    z.strictObject({
      labels: z.custom<Uint8Array>((value) => value instanceof Uint8Array),
      count: offset,
      features: offset,
      classes: offset,
      lists: z.strictObject({ start: offset, columns: offset, bytes: offset, total: offset, perImage: offset }),
    }),
  ),
});
export type EvaluationShare = z.infer<typeof evaluationShareSchema>;

function evaluationShare(
  memory: WasmMemory,
  plan: MemoryPlan,
  twin: NetworkPlan,
  spec: NetworkSpec,
  datasets: readonly Dataset[],
): EvaluationShare {
  return {
    memory,
    spec: {
      layers: [...spec.layers],
      activation: spec.activation,
      loss: spec.loss,
      dtype: spec.dtype,
      ...(spec.crossEntropyDelta === undefined ? {} : { crossEntropyDelta: spec.crossEntropyDelta }),
    },
    twin: { ...twin, allResident: true, layers: twin.layers.map((layer) => ({ ...layer })) },
    datasets: datasets.map((data) => {
      const { nonZero, start, columns, bytes } = plan.sources.get(data)!;
      return {
        labels: data.labels.slice(), // its own buffer: posting a view would copy the whole buffer it views
        count: data.count,
        features: data.features,
        classes: data.classes,
        lists: { start, columns, bytes, total: nonZero.total, perImage: nonZero.perImage },
      };
    }),
  };
}

/**
 * The evaluation twin of a resident network made in another thread (`share`, as that thread posted it):
 * a network whose weights and biases are views of the twin's own (set them to a snapshot, then count), and
 * the datasets it accepts — their labels, with no images (the lists in the shared memory stand for them).
 * Counting gives exactly the numbers the training network's countCorrect gives for the same weights: the
 * same module code on the same lists. Null without WebAssembly SIMD and threads.
 */
export function attachEvaluationTwin(share: EvaluationShare): { network: ResidentNetwork; datasets: Dataset[] } | null {
  const exports = instantiateOn<TrainingExports>(share.memory);
  if (!exports) return null;
  const sources = new Map<Dataset, ResidentSource | null>();
  const datasets = share.datasets.map(({ labels, count, features, classes, lists }) => {
    const data: Dataset = { images: new Uint8Array(0), labels, count, features, classes };
    const { start, columns, bytes, total, perImage } = lists;
    sources.set(data, { nonZero: { total, perImage }, start, columns, bytes });
    return data;
  });
  const network = residentNetwork(share.memory.buffer, exports, share.twin, sources, share.spec, null);
  return { network, datasets };
}

/** Whole training steps on networks resident in WebAssembly memory (where WebAssembly SIMD is available). */
export const wasmTrainingBackend: TrainingBackend = { name: 'wasm-resident', residentNetwork: createFusedTraining };
