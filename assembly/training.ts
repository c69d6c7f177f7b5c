// The whole training step of shared/engine (gather → forward → loss → backward → SGD) and the accuracy
// count, in one call each, on a network resident in this module's memory. The TypeScript twin is
// MultiLayerNet.gradient + SGD.update + countCorrect (shared/engine/network.ts), and this follows it
// operation by operation: products in the same order (zero inputs skipped), element-wise formulas
// evaluated in f64 and stored in the network's precision T, as TypeScript does with typed arrays — except
// float32's element-wise passes (bias and σ, σ′, bias and softmax, SGD), which run in f32 four lanes at a time
// with a vectorised exp (expF32x4): the float32 step agrees
// with its twin within f32 rounding (test/unit/fused-training.test.ts), the float64 step to the last bits.
//
// What it adds: the first layer is driven by the list of non-zero pixels of the batch (MNIST images are
// ~81% zeros), for x·W1 and for W1's gradient, and SGD touches only the rows of W1 whose pixel occurs
// in the batch (the gradient of the others is exactly zero). Both sparse products keep a block of
// output in registers across all the non-zero pixels it sums, adding them in the order the plain
// loops do. Dense batches (another dataset without
// zeros) take the dense products instead; both give the same numbers.
//
// The host (shared/engine/wasm/fused-training.ts) lays everything out and describes it in `desc`, an
// array of i32 words whose offsets both sides import from one module.
import {
  DEPTH, ACTIVATION, LOSS, FEATURES, PIXELS, LABELS, TABLE, ROW_START, COLUMNS, BYTES, PER_SAMPLE, COLUMN_START,
  CURSOR, DENSE_X, CSC_ROWS, CSC_VALUES, INDICES, SOURCE_START, SOURCE_COLUMNS, SOURCE_BYTES, TRANSPOSED,
  LAYERS, LAYER_WORDS, LAYER_IN, LAYER_OUT, LAYER_W, LAYER_B, LAYER_GW, LAYER_GB, LAYER_OUTPUT, LAYER_DELTA,
  RESIDENT_DENSITY,
} from '../shared/engine/wasm/descriptor-layout';

// @ts-ignore: decorator
@inline function word(desc: usize, index: i32): i32 {
  return load<i32>(desc + (<usize>index << 2));
}

// @ts-ignore: decorator
@inline function ptr(desc: usize, index: i32): usize {
  return <usize>load<i32>(desc + (<usize>index << 2));
}

// @ts-ignore: decorator
@inline function layer(desc: usize, l: i32, field: i32): i32 {
  return word(desc, LAYERS + l * LAYER_WORDS + field);
}

// @ts-ignore: decorator
@inline function at<T>(base: usize, index: i32): usize {
  return base + (<usize>index << alignof<T>());
}

// Lists each row's non-zero pixels from PIXELS (index ascending) and makes them the lists the first
// layer reads; returns how many. 16 pixels at a time: a bitmask of the non-zero bytes, then one step
// per set bit.
function listNonZero(desc: usize, rows: i32): i32 {
  const features = word(desc, FEATURES);
  const pixels = ptr(desc, PIXELS);
  const rowStart = ptr(desc, ROW_START);
  const columns = ptr(desc, COLUMNS);
  const bytes = ptr(desc, BYTES);
  const indices = ptr(desc, INDICES);
  const whole = features & ~15;
  let count = 0;
  store<i32>(rowStart, 0);
  for (let r = 0; r < rows; r++) {
    const row = pixels + <usize>(r * features);
    let p = 0;
    for (; p < whole; p += 16) {
      let mask = i8x16.bitmask(i8x16.ne(v128.load(row + p), i8x16.splat(0)));
      while (mask != 0) {
        const column = p + ctz(mask);
        store<u16>(columns + (<usize>count << 1), column);
        store<u8>(bytes + <usize>count, load<u8>(row + column));
        count++;
        mask &= mask - 1;
      }
    }
    for (; p < features; p++) {
      const byte = load<u8>(row + p);
      if (byte == 0) continue;
      store<u16>(columns + (<usize>count << 1), p);
      store<u8>(bytes + <usize>count, byte);
      count++;
    }
    store<i32>(at<i32>(rowStart, r + 1), count);
    store<i32>(at<i32>(indices, r), r);
  }
  store<i32>(desc + (<usize>SOURCE_START << 2), <i32>rowStart);
  store<i32>(desc + (<usize>SOURCE_COLUMNS << 2), <i32>columns);
  store<i32>(desc + (<usize>SOURCE_BYTES << 2), <i32>bytes);
  return count;
}

// The first layer's inputs for `rows` images: the resident lists as they are (`resident`), or from
// PIXELS as lists or, for mostly non-zero batches, as a dense matrix in DENSE_X. Returns true for lists.
function prepareInputs<T>(desc: usize, rows: i32, resident: bool): bool {
  if (resident) return true;
  // Lists store pixel indices in 16 bits.
  const sparse = word(desc, FEATURES) <= 65536 && chooseSparse(desc, rows, listNonZero(desc, rows));
  if (!sparse) denseInputs<T>(desc, rows);
  return sparse;
}

// The batch as a dense float matrix (for batches with few zeros).
function denseInputs<T>(desc: usize, rows: i32): void {
  const n = rows * word(desc, FEATURES);
  const pixels = ptr(desc, PIXELS);
  const table = ptr(desc, TABLE);
  const x = ptr(desc, DENSE_X);
  for (let i = 0; i < n; i++) store<T>(at<T>(x, i), load<T>(at<T>(table, load<u8>(pixels + i))));
}

// True when the batch is mostly zeros, so that the pixel lists beat the dense products.
function chooseSparse(desc: usize, rows: i32, nonZero: i32): bool {
  return <f64>nonZero <= RESIDENT_DENSITY * <f64>rows * <f64>word(desc, FEATURES);
}

// Lanes of T in a 128-bit vector, and the block of outputs kept in registers: four vectors.
// @ts-ignore: decorator
@inline function lanes<T>(): i32 {
  return 16 >> <i32>alignof<T>();
}

// Stores the first `count` lanes of `v` at `at` (count < lanes): the end of a row whose width is not a
// multiple of the vector. Its loads read a little past the row, into memory the host keeps allocated;
// those lanes are computed and dropped.
// @ts-ignore: decorator
@inline function storeFirstLanes<T>(at: usize, v: v128, count: i32): void {
  if (sizeof<T>() == 8) {
    v128.store64_lane(at, v, 0);
    return;
  }
  v128.store32_lane(at, v, 0);
  if (count > 1) v128.store32_lane(at, v, 1, 4);
  if (count > 2) v128.store32_lane(at, v, 2, 8);
}

// True when `left` outputs (more than four vectors, at most five) end the row: one block of five vectors
// then takes them in one pass, where four and a single vector would take two.
// @ts-ignore: decorator
@inline function finishesWithFive(left: i32, lane: i32): bool {
  return left > 4 * lane && left <= 5 * lane;
}

// Stores sum `a`, vector v of a block of `vectors` vectors holding `count` outputs, at `o`: whole, or its first
// lanes where the row ends inside it.
// @ts-ignore: decorator
@inline function storeVector<T>(o: usize, v: i32, a: v128, vectors: i32, count: i32): void {
  if (v >= vectors) return;
  const left = count - v * lanes<T>();
  if (left >= lanes<T>()) v128.store(o + (<usize>v << 4), a);
  else storeFirstLanes<T>(o + (<usize>v << 4), a, left);
}

// Outputs j … j + count − 1 of one row of x·W from one image's pixel list (start … end), in `vectors` (1 … 13)
// vectors of registers: a constant at each call, so that the unused sums fold away.
// @ts-ignore: decorator
@inline function sparseBlock<T>(start: i32, end: i32, table: usize, bytes: usize, columns: usize, w: usize, n: i32, j: i32, outRow: usize, count: i32, vectors: i32): void {
  let a0 = v128.splat<T>(0), a1 = v128.splat<T>(0), a2 = v128.splat<T>(0), a3 = v128.splat<T>(0), a4 = v128.splat<T>(0), a5 = v128.splat<T>(0), a6 = v128.splat<T>(0), a7 = v128.splat<T>(0), a8 = v128.splat<T>(0), a9 = v128.splat<T>(0), a10 = v128.splat<T>(0), a11 = v128.splat<T>(0), a12 = v128.splat<T>(0);
  for (let q = start; q < end; q++) {
    const x = v128.splat<T>(load<T>(at<T>(table, load<u8>(bytes + <usize>q))));
    const wRow = at<T>(w, <i32>load<u16>(columns + (<usize>q << 1)) * n + j);
    a0 = v128.add<T>(a0, v128.mul<T>(x, v128.load(wRow)));
    if (vectors > 1) a1 = v128.add<T>(a1, v128.mul<T>(x, v128.load(wRow, 16)));
    if (vectors > 2) a2 = v128.add<T>(a2, v128.mul<T>(x, v128.load(wRow, 32)));
    if (vectors > 3) a3 = v128.add<T>(a3, v128.mul<T>(x, v128.load(wRow, 48)));
    if (vectors > 4) a4 = v128.add<T>(a4, v128.mul<T>(x, v128.load(wRow, 64)));
    if (vectors > 5) a5 = v128.add<T>(a5, v128.mul<T>(x, v128.load(wRow, 80)));
    if (vectors > 6) a6 = v128.add<T>(a6, v128.mul<T>(x, v128.load(wRow, 96)));
    if (vectors > 7) a7 = v128.add<T>(a7, v128.mul<T>(x, v128.load(wRow, 112)));
    if (vectors > 8) a8 = v128.add<T>(a8, v128.mul<T>(x, v128.load(wRow, 128)));
    if (vectors > 9) a9 = v128.add<T>(a9, v128.mul<T>(x, v128.load(wRow, 144)));
    if (vectors > 10) a10 = v128.add<T>(a10, v128.mul<T>(x, v128.load(wRow, 160)));
    if (vectors > 11) a11 = v128.add<T>(a11, v128.mul<T>(x, v128.load(wRow, 176)));
    if (vectors > 12) a12 = v128.add<T>(a12, v128.mul<T>(x, v128.load(wRow, 192)));
  }
  const o = at<T>(outRow, j);
  storeVector<T>(o, 0, a0, vectors, count);
  storeVector<T>(o, 1, a1, vectors, count);
  storeVector<T>(o, 2, a2, vectors, count);
  storeVector<T>(o, 3, a3, vectors, count);
  storeVector<T>(o, 4, a4, vectors, count);
  storeVector<T>(o, 5, a5, vectors, count);
  storeVector<T>(o, 6, a6, vectors, count);
  storeVector<T>(o, 7, a7, vectors, count);
  storeVector<T>(o, 8, a8, vectors, count);
  storeVector<T>(o, 9, a9, vectors, count);
  storeVector<T>(o, 10, a10, vectors, count);
  storeVector<T>(o, 11, a11, vectors, count);
  storeVector<T>(o, 12, a12, vectors, count);
}

// out (rows × n) = x · W from the pixel lists: the same products, added in the same order, as matmul
// over the dense batch (which skips zero inputs too), with each block of an output row in registers.
// A row of 13 vectors (f32: 49–52 outputs, the book's 50) takes one block of 13 (V8 gives WebAssembly 16 vector
// registers on x64: 13 sums, the splatted input and a product), so each image's pixel list is walked once: 9 % less
// CPU per float32 step than three blocks of 4 + 4 + 5, 6 % less than 6 + 7. Other widths take blocks of four
// vectors (f64: five), the row's last 4–5 vectors in one block.
function sparseTimes<T>(desc: usize, w: usize, out: usize, rows: i32, n: i32): void {
  const indices = ptr(desc, INDICES);
  const sourceStart = ptr(desc, SOURCE_START);
  const columns = ptr(desc, SOURCE_COLUMNS);
  const bytes = ptr(desc, SOURCE_BYTES);
  const table = ptr(desc, TABLE);
  const lane = lanes<T>();
  for (let r = 0; r < rows; r++) {
    const image = load<i32>(at<i32>(indices, r));
    const start = load<i32>(at<i32>(sourceStart, image));
    const end = load<i32>(at<i32>(sourceStart, image + 1));
    const outRow = at<T>(out, r * n);
    if (n > 12 * lane && n <= 13 * lane) {
      sparseBlock<T>(start, end, table, bytes, columns, w, n, 0, outRow, n, 13);
      continue;
    }
    let j = 0;
    // f64 (two lanes): blocks of five vectors, ten outputs (50: five passes over the pixels instead of six).
    if (sizeof<T>() == 8) for (; j + 5 * lane <= n; j += 5 * lane) sparseBlock<T>(start, end, table, bytes, columns, w, n, j, outRow, 5 * lane, 5);
    for (; j + 4 * lane <= n && !finishesWithFive(n - j, lane); j += 4 * lane) sparseBlock<T>(start, end, table, bytes, columns, w, n, j, outRow, 4 * lane, 4);
    if (finishesWithFive(n - j, lane)) {
      // The row's last 4–5 vectors in one pass over the pixels instead of two.
      sparseBlock<T>(start, end, table, bytes, columns, w, n, j, outRow, n - j, 5);
      j = n;
    }
    for (; j < n; j += lane) sparseBlock<T>(start, end, table, bytes, columns, w, n, j, outRow, min(lane, n - j), 1);
  }
}

// The pixel lists regrouped by pixel (each pixel's rows ascending), by counting sort.
function listByPixel<T>(desc: usize, rows: i32): void {
  const features = word(desc, FEATURES);
  const indices = ptr(desc, INDICES);
  const sourceStart = ptr(desc, SOURCE_START);
  const columns = ptr(desc, SOURCE_COLUMNS);
  const bytes = ptr(desc, SOURCE_BYTES);
  const table = ptr(desc, TABLE);
  const columnStart = ptr(desc, COLUMN_START);
  const cursor = ptr(desc, CURSOR);
  const cscRows = ptr(desc, CSC_ROWS);
  const cscValues = ptr(desc, CSC_VALUES);
  memory.fill(columnStart, 0, <usize>(features + 1) << 2);
  for (let r = 0; r < rows; r++) {
    const image = load<i32>(at<i32>(indices, r));
    const end = load<i32>(at<i32>(sourceStart, image + 1));
    for (let q = load<i32>(at<i32>(sourceStart, image)); q < end; q++) {
      const slot = at<i32>(columnStart, <i32>load<u16>(columns + (<usize>q << 1)) + 1);
      store<i32>(slot, load<i32>(slot) + 1);
    }
  }
  for (let p = 0; p < features; p++) {
    const sum = load<i32>(at<i32>(columnStart, p)) + load<i32>(at<i32>(columnStart, p + 1));
    store<i32>(at<i32>(columnStart, p + 1), sum);
  }
  memory.copy(cursor, columnStart, <usize>features << 2);
  for (let r = 0; r < rows; r++) {
    const image = load<i32>(at<i32>(indices, r));
    const end = load<i32>(at<i32>(sourceStart, image + 1));
    for (let q = load<i32>(at<i32>(sourceStart, image)); q < end; q++) {
      const slot = at<i32>(cursor, <i32>load<u16>(columns + (<usize>q << 1)));
      const position = load<i32>(slot);
      store<i32>(slot, position + 1);
      store<i32>(at<i32>(cscRows, position), r);
      store<T>(at<T>(cscValues, position), load<T>(at<T>(table, load<u8>(bytes + <usize>q))));
    }
  }
}

// v ← v − η·g on one vector of T: in f64 lanes (as TypeScript evaluates `v[i] -= lr * g[i]`), in f32 lanes for
// float32 networks (η rounded to f32; within f32 rounding of the f64 evaluation).
// @ts-ignore: decorator
@inline function descendVector<T>(v: v128, g: v128, learningRate: v128): v128 {
  if (sizeof<T>() == 8) return f64x2.sub(v, f64x2.mul(learningRate, g));
  return f32x4.sub(v, f32x4.mul(learningRate, g));
}

// η in every lane of a vector of T, for descendVector.
// @ts-ignore: decorator
@inline function rateVector<T>(learningRate: f64): v128 {
  return sizeof<T>() == 8 ? f64x2.splat(learningRate) : f32x4.splat(<f32>learningRate);
}

// W1's gradient and update for rows of 13 vectors (float32: 49–52 outputs, the book's 50), by image instead of by
// pixel: each image's non-zero pixels add x·δ of its batch row (held in registers through the image) to their rows
// of W1's gradient GW1 in memory, batch rows ascending as matmulTransposeA adds them; then each row touched updates
// W1 and is zeroed again. The same sums as sparseGradientDescent, without regrouping the batch by pixel first
// (listByPixel, 12 % of a float32 step): 7 % less CPU per float32 step, for 13 stores per pixel more.
// GW1 is all zeros between steps (the dense path clears it after use); CURSOR, which only listByPixel uses
// otherwise, marks the rows touched.
function imageGradientDescent<T>(desc: usize, delta: usize, w: usize, gw: usize, rows: i32, n: i32, learningRate: f64): void {
  const features = word(desc, FEATURES);
  const indices = ptr(desc, INDICES);
  const sourceStart = ptr(desc, SOURCE_START);
  const columns = ptr(desc, SOURCE_COLUMNS);
  const bytes = ptr(desc, SOURCE_BYTES);
  const table = ptr(desc, TABLE);
  const touched = ptr(desc, CURSOR); // i32 per pixel: 1 where GW1's row holds this step's sums
  const lane = lanes<T>();
  const tail = n - 12 * lane;
  for (let r = 0; r < rows; r++) {
    const image = load<i32>(at<i32>(indices, r));
    const end = load<i32>(at<i32>(sourceStart, image + 1));
    const d = at<T>(delta, r * n);
    const d0 = v128.load(d, 0);
    const d1 = v128.load(d, 16);
    const d2 = v128.load(d, 32);
    const d3 = v128.load(d, 48);
    const d4 = v128.load(d, 64);
    const d5 = v128.load(d, 80);
    const d6 = v128.load(d, 96);
    const d7 = v128.load(d, 112);
    const d8 = v128.load(d, 128);
    const d9 = v128.load(d, 144);
    const d10 = v128.load(d, 160);
    const d11 = v128.load(d, 176);
    const d12 = v128.load(d, 192);
    for (let q = load<i32>(at<i32>(sourceStart, image)); q < end; q++) {
      const column = <i32>load<u16>(columns + (<usize>q << 1));
      const x = v128.splat<T>(load<T>(at<T>(table, load<u8>(bytes + <usize>q))));
      const g = at<T>(gw, column * n);
      store<i32>(at<i32>(touched, column), 1);
      v128.store(g, v128.add<T>(v128.load(g, 0), v128.mul<T>(x, d0)), 0);
      v128.store(g, v128.add<T>(v128.load(g, 16), v128.mul<T>(x, d1)), 16);
      v128.store(g, v128.add<T>(v128.load(g, 32), v128.mul<T>(x, d2)), 32);
      v128.store(g, v128.add<T>(v128.load(g, 48), v128.mul<T>(x, d3)), 48);
      v128.store(g, v128.add<T>(v128.load(g, 64), v128.mul<T>(x, d4)), 64);
      v128.store(g, v128.add<T>(v128.load(g, 80), v128.mul<T>(x, d5)), 80);
      v128.store(g, v128.add<T>(v128.load(g, 96), v128.mul<T>(x, d6)), 96);
      v128.store(g, v128.add<T>(v128.load(g, 112), v128.mul<T>(x, d7)), 112);
      v128.store(g, v128.add<T>(v128.load(g, 128), v128.mul<T>(x, d8)), 128);
      v128.store(g, v128.add<T>(v128.load(g, 144), v128.mul<T>(x, d9)), 144);
      v128.store(g, v128.add<T>(v128.load(g, 160), v128.mul<T>(x, d10)), 160);
      v128.store(g, v128.add<T>(v128.load(g, 176), v128.mul<T>(x, d11)), 176);
      const last = v128.add<T>(v128.load(g, 192), v128.mul<T>(x, d12));
      if (tail == lane) v128.store(g, last, 192);
      else storeFirstLanes<T>(g + 192, last, tail);
    }
  }
  const rate = rateVector<T>(learningRate);
  const zero = v128.splat<T>(0);
  for (let p = 0; p < features; p++) {
    if (load<i32>(at<i32>(touched, p)) == 0) continue;
    store<i32>(at<i32>(touched, p), 0);
    const o = at<T>(w, p * n);
    const g = at<T>(gw, p * n);
    for (let j = 0; j < 12 * lane; j += lane) {
      v128.store(at<T>(o, j), descendVector<T>(v128.load(at<T>(o, j)), v128.load(at<T>(g, j)), rate));
      v128.store(at<T>(g, j), zero);
    }
    storeFirstLanes<T>(at<T>(o, 12 * lane), descendVector<T>(v128.load(at<T>(o, 12 * lane)), v128.load(at<T>(g, 12 * lane)), rate), tail);
    storeFirstLanes<T>(at<T>(g, 12 * lane), zero, tail);
  }
}

// W1's gradient xᵀ·δ from the pixel lists, and the SGD update of W1 with it, row by row of W1: a
// row's gradient block is summed in registers over the batch rows where its pixel is non-zero (in row
// order, as matmulTransposeA adds them), rounded to T, then applied. Rows of W1 whose pixel is zero
// throughout the batch have a zero gradient and are left as they are. The gradient itself is not kept.
function sparseGradientDescent<T>(desc: usize, delta: usize, w: usize, rows: i32, n: i32, learningRate: f64): void {
  listByPixel<T>(desc, rows);
  const features = word(desc, FEATURES);
  const columnStart = ptr(desc, COLUMN_START);
  const cscRows = ptr(desc, CSC_ROWS);
  const cscValues = ptr(desc, CSC_VALUES);
  const lane = lanes<T>();
  const rate = rateVector<T>(learningRate);
  for (let p = 0; p < features; p++) {
    const start = load<i32>(at<i32>(columnStart, p));
    const end = load<i32>(at<i32>(columnStart, p + 1));
    if (start == end) continue;
    const wRow = at<T>(w, p * n);
    let j = 0;
    for (; j + 4 * lane <= n && !finishesWithFive(n - j, lane); j += 4 * lane) {
      let g0 = v128.splat<T>(0), g1 = v128.splat<T>(0), g2 = v128.splat<T>(0), g3 = v128.splat<T>(0);
      for (let e = start; e < end; e++) {
        const x = v128.splat<T>(load<T>(at<T>(cscValues, e)));
        const d = at<T>(delta, load<i32>(at<i32>(cscRows, e)) * n + j);
        g0 = v128.add<T>(g0, v128.mul<T>(x, v128.load(d)));
        g1 = v128.add<T>(g1, v128.mul<T>(x, v128.load(d, 16)));
        g2 = v128.add<T>(g2, v128.mul<T>(x, v128.load(d, 32)));
        g3 = v128.add<T>(g3, v128.mul<T>(x, v128.load(d, 48)));
      }
      const o = at<T>(wRow, j);
      v128.store(o, descendVector<T>(v128.load(o), g0, rate));
      v128.store(o, descendVector<T>(v128.load(o, 16), g1, rate), 16);
      v128.store(o, descendVector<T>(v128.load(o, 32), g2, rate), 32);
      v128.store(o, descendVector<T>(v128.load(o, 48), g3, rate), 48);
    }
    if (finishesWithFive(n - j, lane)) {
      // The row's last 4–5 vectors in one pass over the pixel's entries instead of two (as sparseTimes).
      let g0 = v128.splat<T>(0), g1 = v128.splat<T>(0), g2 = v128.splat<T>(0), g3 = v128.splat<T>(0), g4 = v128.splat<T>(0);
      for (let e = start; e < end; e++) {
        const x = v128.splat<T>(load<T>(at<T>(cscValues, e)));
        const d = at<T>(delta, load<i32>(at<i32>(cscRows, e)) * n + j);
        g0 = v128.add<T>(g0, v128.mul<T>(x, v128.load(d)));
        g1 = v128.add<T>(g1, v128.mul<T>(x, v128.load(d, 16)));
        g2 = v128.add<T>(g2, v128.mul<T>(x, v128.load(d, 32)));
        g3 = v128.add<T>(g3, v128.mul<T>(x, v128.load(d, 48)));
        g4 = v128.add<T>(g4, v128.mul<T>(x, v128.load(d, 64)));
      }
      const o = at<T>(wRow, j);
      v128.store(o, descendVector<T>(v128.load(o), g0, rate));
      v128.store(o, descendVector<T>(v128.load(o, 16), g1, rate), 16);
      v128.store(o, descendVector<T>(v128.load(o, 32), g2, rate), 32);
      v128.store(o, descendVector<T>(v128.load(o, 48), g3, rate), 48);
      const updated = descendVector<T>(v128.load(o, 64), g4, rate);
      if (n - j == 5 * lane) v128.store(o, updated, 64);
      else storeFirstLanes<T>(o + 64, updated, n - j - 4 * lane);
      j = n;
    }
    for (; j < n; j += lane) {
      let g = v128.splat<T>(0);
      for (let e = start; e < end; e++) {
        g = v128.add<T>(g, v128.mul<T>(v128.splat<T>(load<T>(at<T>(cscValues, e))), v128.load(at<T>(delta, load<i32>(at<i32>(cscRows, e)) * n + j))));
      }
      const o = at<T>(wRow, j);
      const updated = descendVector<T>(v128.load(o), g, rate);
      if (j + lane <= n) v128.store(o, updated);
      else storeFirstLanes<T>(o, updated, n - j);
    }
  }
}

// out (outRows × n) row by row: out[i, :] = Σ_p a[i·rowStride + p·colStride] · b[p, :] over p < inner,
// zero coefficients skipped, p ascending; each block of an output row summed in registers. With the
// strides it is x·W (forward), Zᵀ·δ (a weight's gradient) and δ·Wᵀ (with Wᵀ made first), in the
// order the plain loops of shared/engine/kernels.ts add their terms. Blocks take four vectors, and the
// row's last block as many as it needs (one to five): 10 outputs in f32 are one block of three vectors
// (not four), 50 are 4 + 4 + 5 (not four blocks of four, the last for two outputs).
function blockedProduct<T>(a: usize, rowStride: i32, colStride: i32, b: usize, out: usize, outRows: i32, inner: i32, n: i32): void {
  const lane = lanes<T>();
  for (let i = 0; i < outRows; i++) {
    const aRow = at<T>(a, i * rowStride);
    const outRow = at<T>(out, i * n);
    let j = 0;
    for (; n - j > 5 * lane || n - j == 4 * lane; j += 4 * lane) productBlock<T>(aRow, colStride, b, inner, n, j, outRow, 4);
    const vectors = (n - j + lane - 1) / lane;
    if (vectors == 5) productBlock<T>(aRow, colStride, b, inner, n, j, outRow, 5);
    else if (vectors == 4) productBlock<T>(aRow, colStride, b, inner, n, j, outRow, 4);
    else if (vectors == 3) productBlock<T>(aRow, colStride, b, inner, n, j, outRow, 3);
    else if (vectors == 2) productBlock<T>(aRow, colStride, b, inner, n, j, outRow, 2);
    else if (vectors == 1) productBlock<T>(aRow, colStride, b, inner, n, j, outRow, 1);
  }
}

// Outputs j … min(n, j + vectors·lanes) − 1 of one row of blockedProduct, in `vectors` (1–5, a constant at each
// call, so that the unused accumulators fold away) vectors of registers.
// @ts-ignore: decorator
@inline function productBlock<T>(aRow: usize, colStride: i32, b: usize, inner: i32, n: i32, j: i32, outRow: usize, vectors: i32): void {
  let a0 = v128.splat<T>(0), a1 = v128.splat<T>(0), a2 = v128.splat<T>(0), a3 = v128.splat<T>(0), a4 = v128.splat<T>(0);
  for (let p = 0; p < inner; p++) {
    const coefficient = load<T>(at<T>(aRow, p * colStride));
    if (coefficient == 0) continue;
    const x = v128.splat<T>(coefficient);
    const bRow = at<T>(b, p * n + j);
    a0 = v128.add<T>(a0, v128.mul<T>(x, v128.load(bRow)));
    if (vectors > 1) a1 = v128.add<T>(a1, v128.mul<T>(x, v128.load(bRow, 16)));
    if (vectors > 2) a2 = v128.add<T>(a2, v128.mul<T>(x, v128.load(bRow, 32)));
    if (vectors > 3) a3 = v128.add<T>(a3, v128.mul<T>(x, v128.load(bRow, 48)));
    if (vectors > 4) a4 = v128.add<T>(a4, v128.mul<T>(x, v128.load(bRow, 64)));
  }
  storeBlock<T>(at<T>(outRow, j), a0, a1, a2, a3, a4, min(n - j, vectors * lanes<T>()));
}

// Stores the first `count` (≤ 5 vectors' worth) values of the block a0‥a4 at `at`.
// @ts-ignore: decorator
@inline function storeBlock<T>(at: usize, a0: v128, a1: v128, a2: v128, a3: v128, a4: v128, count: i32): void {
  const lane = lanes<T>();
  if (count == 4 * lane) {
    v128.store(at, a0); v128.store(at, a1, 16); v128.store(at, a2, 32); v128.store(at, a3, 48);
    return;
  }
  for (let v = 0; v < 5 && count > 0; v++) {
    const target = at + (<usize>v << 4);
    const vector = v == 0 ? a0 : v == 1 ? a1 : v == 2 ? a2 : v == 3 ? a3 : a4;
    if (count >= lane) v128.store(target, vector);
    else storeFirstLanes<T>(target, vector, count);
    count -= lane;
  }
}

// dst (n × k) = srcᵀ for src (k × n).
function transpose<T>(src: usize, dst: usize, k: i32, n: i32): void {
  for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) store<T>(at<T>(dst, j * k + p), load<T>(at<T>(src, p * n + j)));
}

function addBias<T>(out: usize, b: usize, rows: i32, n: i32): void {
  for (let r = 0; r < rows; r++) {
    const row = at<T>(out, r * n);
    for (let j = 0; j < n; j++) store<T>(at<T>(row, j), load<T>(at<T>(row, j)) + load<T>(at<T>(b, j)));
  }
}

// e^x on four f32 lanes (Cephes' expf: x = k·ln 2 + r with |r| ≤ ln 2 / 2, e^r by its degree-7 Taylor-like
// polynomial, 2^k put in the exponent bits), within 2 ulp of exp rounded to f32. x is clamped to
// [−87.3, 88.3] so that 2^k stays a normal number: beyond, sigmoid is 0 or 1 within f32 anyway.
// @ts-ignore: decorator
@inline function expF32x4(x: v128): v128 {
  const clamped = f32x4.min(f32x4.max(x, f32x4.splat(-87.3)), f32x4.splat(88.3));
  const k = f32x4.nearest(f32x4.mul(clamped, f32x4.splat(1.4426950408889634)));
  // r = x − k·ln 2, with ln 2 in two parts so that k·0.693359375 is exact.
  const r = f32x4.sub(f32x4.sub(clamped, f32x4.mul(k, f32x4.splat(0.693359375))), f32x4.mul(k, f32x4.splat(-2.12194440e-4)));
  let p = f32x4.splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  const er = f32x4.add(f32x4.add(f32x4.mul(p, f32x4.mul(r, r)), r), f32x4.splat(1));
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(k), i32x4.splat(127)), 23);
  return f32x4.mul(er, scale);
}

// σ(v) = 1 / (1 + e^−v) on four f32 lanes.
// @ts-ignore: decorator
@inline function sigmoidF32x4(v: v128): v128 {
  return f32x4.div(f32x4.splat(1), f32x4.add(f32x4.splat(1), expF32x4(f32x4.neg(v))));
}

// Adds the bias and applies σ, row by row, four f32 lanes at a time (float32 networks only): one pass instead of
// addBias and activate, in f32 arithmetic throughout instead of f64 (within a few ulp of the TypeScript twin's
// sigmoid, which evaluates in f64 and rounds). A row's last partial vector reads past the row (the next row, or
// the slack the host keeps after each region) and stores only its own lanes.
function biasSigmoidF32(out: usize, b: usize, rows: i32, n: i32): void {
  for (let r = 0; r < rows; r++) {
    const row = at<f32>(out, r * n);
    for (let j = 0; j < n; j += 4) {
      const o = at<f32>(row, j);
      const s = sigmoidF32x4(f32x4.add(v128.load(o), v128.load(at<f32>(b, j))));
      if (j + 4 <= n) v128.store(o, s);
      else storeFirstLanes<f32>(o, s, n - j);
    }
  }
}

// Lanes 0 … count − 1 of a vector set (count < 4): the part of a row's last vector that lies inside the row.
// @ts-ignore: decorator
@inline function firstLanes(count: i32): v128 {
  return i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(count));
}

// Adds the bias and takes softmax (max-subtracted, as softmaxRows), row by row, four f32 lanes at a time (float32
// networks only), in f32 arithmetic throughout: the exponentials by expF32x4 and summed in f32, where the TypeScript
// twin evaluates them in f64. The lanes of a row's last vector that lie past the row are left out of its max and sum.
function biasSoftmaxF32(out: usize, b: usize, rows: i32, n: i32): void {
  const lowest = f32x4.splat(-Infinity);
  for (let r = 0; r < rows; r++) {
    const row = at<f32>(out, r * n);
    let top = lowest;
    for (let c = 0; c < n; c += 4) {
      const o = at<f32>(row, c);
      const v = f32x4.add(v128.load(o), v128.load(at<f32>(b, c)));
      if (c + 4 <= n) {
        v128.store(o, v);
        top = f32x4.max(top, v);
      } else {
        storeFirstLanes<f32>(o, v, n - c);
        top = f32x4.max(top, v128.bitselect(v, lowest, firstLanes(n - c)));
      }
    }
    const largest = f32x4.splat(max(max(f32x4.extract_lane(top, 0), f32x4.extract_lane(top, 1)), max(f32x4.extract_lane(top, 2), f32x4.extract_lane(top, 3))));
    let total = f32x4.splat(0);
    for (let c = 0; c < n; c += 4) {
      const o = at<f32>(row, c);
      const e = expF32x4(f32x4.sub(v128.load(o), largest));
      if (c + 4 <= n) {
        v128.store(o, e);
        total = f32x4.add(total, e);
      } else {
        storeFirstLanes<f32>(o, e, n - c);
        total = f32x4.add(total, v128.and(e, firstLanes(n - c)));
      }
    }
    const sum = f32x4.splat(f32x4.extract_lane(total, 0) + f32x4.extract_lane(total, 1) + f32x4.extract_lane(total, 2) + f32x4.extract_lane(total, 3));
    for (let c = 0; c < n; c += 4) {
      const o = at<f32>(row, c);
      const y = f32x4.div(v128.load(o), sum);
      if (c + 4 <= n) v128.store(o, y);
      else storeFirstLanes<f32>(o, y, n - c);
    }
  }
}

function activate<T>(out: usize, count: i32, relu: bool): void {
  if (relu) {
    for (let i = 0; i < count; i++) if (!(load<T>(at<T>(out, i)) > 0)) store<T>(at<T>(out, i), 0);
    return;
  }
  for (let i = 0; i < count; i++) store<T>(at<T>(out, i), <T>(1.0 / (1.0 + Math.exp(-<f64>load<T>(at<T>(out, i))))));
}

function softmaxRows<T>(out: usize, rows: i32, n: i32): void {
  for (let r = 0; r < rows; r++) {
    const row = at<T>(out, r * n);
    let max = load<T>(row);
    for (let c = 1; c < n; c++) if (load<T>(at<T>(row, c)) > max) max = load<T>(at<T>(row, c));
    let sum: f64 = 0;
    for (let c = 0; c < n; c++) {
      const e = Math.exp(<f64>load<T>(at<T>(row, c)) - <f64>max);
      store<T>(at<T>(row, c), <T>e);
      sum += e;
    }
    for (let c = 0; c < n; c++) store<T>(at<T>(row, c), <T>(<f64>load<T>(at<T>(row, c)) / sum));
  }
}

// Forward pass over `rows` inputs; `sparse` picks the pixel lists or DENSE_X for the first layer.
function forward<T>(desc: usize, rows: i32, sparse: bool): void {
  const depth = word(desc, DEPTH);
  const relu = word(desc, ACTIVATION) == 1;
  let input = ptr(desc, DENSE_X);
  for (let l = 0; l < depth; l++) {
    const k = layer(desc, l, LAYER_IN);
    const n = layer(desc, l, LAYER_OUT);
    const out = <usize>layer(desc, l, LAYER_OUTPUT);
    if (l == 0 && sparse) sparseTimes<T>(desc, <usize>layer(desc, 0, LAYER_W), out, rows, n);
    else blockedProduct<T>(input, k, 1, <usize>layer(desc, l, LAYER_W), out, rows, k, n);
    if (sizeof<T>() == 4 && (l == depth - 1 || !relu)) {
      if (l == depth - 1) biasSoftmaxF32(out, <usize>layer(desc, l, LAYER_B), rows, n);
      else biasSigmoidF32(out, <usize>layer(desc, l, LAYER_B), rows, n);
      input = out;
      continue;
    }
    addBias<T>(out, <usize>layer(desc, l, LAYER_B), rows, n);
    if (l == depth - 1) softmaxRows<T>(out, rows, n);
    else activate<T>(out, rows * n, relu);
    input = out;
  }
}

// numpy's pairwise summation (shared/engine/tensor.ts pairwiseSum) over `length` values of type T.
function pairwiseSum<T>(values: usize, length: i32): f64 {
  if (length < 8) {
    let sum: f64 = 0;
    for (let i = 0; i < length; i++) sum += <f64>load<T>(at<T>(values, i));
    return sum;
  }
  if (length <= 128) {
    let r0 = <f64>load<T>(at<T>(values, 0)), r1 = <f64>load<T>(at<T>(values, 1));
    let r2 = <f64>load<T>(at<T>(values, 2)), r3 = <f64>load<T>(at<T>(values, 3));
    let r4 = <f64>load<T>(at<T>(values, 4)), r5 = <f64>load<T>(at<T>(values, 5));
    let r6 = <f64>load<T>(at<T>(values, 6)), r7 = <f64>load<T>(at<T>(values, 7));
    let i = 8;
    for (; i < length - (length % 8); i += 8) {
      r0 += <f64>load<T>(at<T>(values, i)); r1 += <f64>load<T>(at<T>(values, i + 1));
      r2 += <f64>load<T>(at<T>(values, i + 2)); r3 += <f64>load<T>(at<T>(values, i + 3));
      r4 += <f64>load<T>(at<T>(values, i + 4)); r5 += <f64>load<T>(at<T>(values, i + 5));
      r6 += <f64>load<T>(at<T>(values, i + 6)); r7 += <f64>load<T>(at<T>(values, i + 7));
    }
    let sum = (r0 + r1 + (r2 + r3)) + (r4 + r5 + (r6 + r7));
    for (; i < length; i++) sum += <f64>load<T>(at<T>(values, i));
    return sum;
  }
  let half = length / 2;
  half -= half % 8;
  return pairwiseSum<T>(values, half) + pairwiseSum<T>(at<T>(values, half), length - half);
}

// Mean loss of the batch from the softmax outputs (shared/engine/functions.ts batchLoss): the one
// loss of this module, used before the update and after it.
function batchLoss<T>(desc: usize, rows: i32, crossEntropyDelta: f64): f64 {
  const last = word(desc, DEPTH) - 1;
  const classes = layer(desc, last, LAYER_OUT);
  const y = <usize>layer(desc, last, LAYER_OUTPUT);
  const labels = ptr(desc, LABELS);
  if (word(desc, LOSS) == 0) {
    // −log(y[t] + δ) per sample, summed pairwise.
    const perSample = ptr(desc, PER_SAMPLE);
    for (let r = 0; r < rows; r++) {
      const p = <f64>load<T>(at<T>(y, r * classes + load<i32>(at<i32>(labels, r))));
      store<f64>(at<f64>(perSample, r), -Math.log(p + crossEntropyDelta));
    }
    return pairwiseSum<f64>(perSample, rows) / rows;
  }
  // 0.5·Σ(y − t)²: squares in T (as TypeScript keeps them in a T buffer) summed pairwise. They go in
  // the output layer's δ, which outputDelta overwrites afterwards.
  const squares = <usize>layer(desc, last, LAYER_DELTA);
  for (let r = 0; r < rows; r++) {
    const t = load<i32>(at<i32>(labels, r));
    for (let c = 0; c < classes; c++) {
      const i = r * classes + c;
      const d = <f64>load<T>(at<T>(y, i)) - (c == t ? 1.0 : 0.0);
      store<T>(at<T>(squares, i), <T>(d * d));
    }
  }
  return (0.5 * pairwiseSum<T>(squares, rows * classes)) / rows;
}

// δ of the output layer's pre-activation, for softmax followed by the loss (MultiLayerNet.outputDelta).
function outputDelta<T>(desc: usize, rows: i32): void {
  const last = word(desc, DEPTH) - 1;
  const classes = layer(desc, last, LAYER_OUT);
  const y = <usize>layer(desc, last, LAYER_OUTPUT);
  const delta = <usize>layer(desc, last, LAYER_DELTA);
  const labels = ptr(desc, LABELS);
  const crossEntropy = word(desc, LOSS) == 0;
  for (let r = 0; r < rows; r++) {
    const t = load<i32>(at<i32>(labels, r));
    const row = r * classes;
    if (crossEntropy) {
      // Softmax with cross-entropy: (y − t) / batch_size, the book's `dy`.
      for (let c = 0; c < classes; c++) {
        const i = row + c;
        store<T>(at<T>(delta, i), <T>((<f64>load<T>(at<T>(y, i)) - (c == t ? 1.0 : 0.0)) / rows));
      }
      continue;
    }
    // Mean squared error through softmax: g = (y − t)/B, δ = y ⊙ (g − Σ g·y).
    let dot: f64 = 0;
    for (let c = 0; c < classes; c++) {
      const yc = <f64>load<T>(at<T>(y, row + c));
      const g = (yc - (c == t ? 1.0 : 0.0)) / rows;
      store<T>(at<T>(delta, row + c), <T>g);
      dot += g * yc;
    }
    for (let c = 0; c < classes; c++) {
      const i = row + c;
      store<T>(at<T>(delta, i), <T>(<f64>load<T>(at<T>(y, i)) * (<f64>load<T>(at<T>(delta, i)) - dot)));
    }
  }
}

// out (n) = Σ over rows of m: np.sum(m, axis=0), row after row.
function sumRows<T>(m: usize, out: usize, rows: i32, n: i32): void {
  memory.fill(out, 0, <usize>n << alignof<T>());
  for (let r = 0; r < rows; r++) {
    const row = at<T>(m, r * n);
    for (let j = 0; j < n; j++) store<T>(at<T>(out, j), load<T>(at<T>(out, j)) + load<T>(at<T>(row, j)));
  }
}

// v ← v − η·g over `count` values (the book's SGD), evaluated in f64 as TypeScript does (float32: in f32, four
// lanes at a time, as descendVector).
function descend<T>(v: usize, g: usize, count: i32, learningRate: f64): void {
  let i = 0;
  if (sizeof<T>() == 4) {
    const rate = rateVector<T>(learningRate);
    for (; i + 4 <= count; i += 4) v128.store(at<T>(v, i), descendVector<T>(v128.load(at<T>(v, i)), v128.load(at<T>(g, i)), rate));
  }
  for (; i < count; i++) {
    store<T>(at<T>(v, i), <T>(<f64>load<T>(at<T>(v, i)) - learningRate * <f64>load<T>(at<T>(g, i))));
  }
}

// One SGD iteration on the batch (INDICES into the resident lists, or PIXELS) with LABELS; returns its
// loss before the update, or with `lossAfterUpdate` the loss of the updated network on the same batch
// (the book's train_neuralnet.py): one more forward pass over inputs that are still prepared.
export function trainingStep<T>(desc: usize, rows: i32, resident: bool, learningRate: f64, crossEntropyDelta: f64, lossAfterUpdate: bool): f64 {
  const depth = word(desc, DEPTH);
  const relu = word(desc, ACTIVATION) == 1;
  const sparse = prepareInputs<T>(desc, rows, resident);
  forward<T>(desc, rows, sparse);
  const lossBefore = lossAfterUpdate ? 0 : batchLoss<T>(desc, rows, crossEntropyDelta);
  outputDelta<T>(desc, rows);
  for (let l = depth - 1; l >= 0; l--) {
    const k = layer(desc, l, LAYER_IN);
    const n = layer(desc, l, LAYER_OUT);
    const delta = <usize>layer(desc, l, LAYER_DELTA);
    const gw = <usize>layer(desc, l, LAYER_GW);
    // W1 is read by no other part of the backward pass: its update can happen here.
    if (l == 0 && sparse && n > 12 * lanes<T>() && n <= 13 * lanes<T>()) imageGradientDescent<T>(desc, delta, <usize>layer(desc, 0, LAYER_W), gw, rows, n, learningRate);
    else if (l == 0 && sparse) sparseGradientDescent<T>(desc, delta, <usize>layer(desc, 0, LAYER_W), rows, n, learningRate);
    else blockedProduct<T>(l == 0 ? ptr(desc, DENSE_X) : <usize>layer(desc, l - 1, LAYER_OUTPUT), 1, k, delta, gw, k, rows, n);
    sumRows<T>(delta, <usize>layer(desc, l, LAYER_GB), rows, n);
    if (l == 0) break;
    const below = <usize>layer(desc, l - 1, LAYER_DELTA);
    // δ·Wᵀ as a product with Wᵀ made first: each output row then sums in registers.
    transpose<T>(<usize>layer(desc, l, LAYER_W), ptr(desc, TRANSPOSED), k, n);
    blockedProduct<T>(delta, n, 1, ptr(desc, TRANSPOSED), below, rows, n, k);
    const z = <usize>layer(desc, l - 1, LAYER_OUTPUT);
    const count = rows * k;
    if (relu) {
      for (let i = 0; i < count; i++) if (!(load<T>(at<T>(z, i)) > 0)) store<T>(at<T>(below, i), 0);
    } else if (sizeof<T>() == 4) {
      // sigmoid_grad(a) = (1 − σ(a))·σ(a), and σ(a) is the layer's output z: four f32 lanes at a time.
      const whole = count & ~3;
      let i = 0;
      for (; i < whole; i += 4) {
        const zi = v128.load(at<f32>(z, i));
        const d = at<f32>(below, i);
        v128.store(d, f32x4.mul(f32x4.mul(f32x4.sub(f32x4.splat(1), zi), zi), v128.load(d)));
      }
      for (; i < count; i++) {
        const zi = load<f32>(at<f32>(z, i));
        store<f32>(at<f32>(below, i), (1 - zi) * zi * load<f32>(at<f32>(below, i)));
      }
    } else {
      // sigmoid_grad(a) = (1 − σ(a))·σ(a), and σ(a) is the layer's output z.
      for (let i = 0; i < count; i++) {
        const zi = <f64>load<T>(at<T>(z, i));
        store<T>(at<T>(below, i), <T>((1.0 - zi) * zi * <f64>load<T>(at<T>(below, i))));
      }
    }
  }
  // SGD after the whole backward pass (it reads W2, W3, … before their update).
  for (let l = 0; l < depth; l++) {
    const k = layer(desc, l, LAYER_IN);
    const n = layer(desc, l, LAYER_OUT);
    const w = <usize>layer(desc, l, LAYER_W);
    const gw = <usize>layer(desc, l, LAYER_GW);
    if (!(l == 0 && sparse)) descend<T>(w, gw, k * n, learningRate); // (sparse W1: updated above)
    // imageGradientDescent counts on GW1 being zero: a dense batch leaves it so too.
    if (l == 0 && !sparse) memory.fill(gw, 0, <usize>(k * n) << alignof<T>());
    descend<T>(<usize>layer(desc, l, LAYER_B), <usize>layer(desc, l, LAYER_GB), n, learningRate);
  }
  if (!lossAfterUpdate) return lossBefore;
  forward<T>(desc, rows, sparse);
  return batchLoss<T>(desc, rows, crossEntropyDelta);
}

// How many of the `rows` images (INDICES or PIXELS) are classified as their LABELS (first maximum on ties, as np.argmax).
export function countCorrect<T>(desc: usize, rows: i32, resident: bool): i32 {
  forward<T>(desc, rows, prepareInputs<T>(desc, rows, resident));
  const last = word(desc, DEPTH) - 1;
  const classes = layer(desc, last, LAYER_OUT);
  const y = <usize>layer(desc, last, LAYER_OUTPUT);
  const labels = ptr(desc, LABELS);
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    const row = at<T>(y, r * classes);
    let best = 0;
    for (let c = 1; c < classes; c++) if (load<T>(at<T>(row, c)) > load<T>(at<T>(row, best))) best = c;
    if (best == load<i32>(at<i32>(labels, r))) correct++;
  }
  return correct;
}
