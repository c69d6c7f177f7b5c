// The descriptor of a network resident in WebAssembly memory: an array of i32 words that
// shared/engine/wasm/fused-training.ts writes and assembly/training.ts reads (the module is built with
// --noAssert, so an offset the two sides disagreed on would write past a buffer). Both import the words
// from here: this file is valid TypeScript and AssemblyScript alike (numeric constants and nothing else),
// and assembly/kernels.ts re-exports them as WebAssembly globals, so a test can compare the built module
// with this source (test/unit/fused-training.test.ts). "T" is the network's float type (f32 or f64).

export const DEPTH = 0; // number of weight layers
export const ACTIVATION = 1; // 0 sigmoid, 1 relu
export const LOSS = 2; // 0 cross-entropy, 1 mean squared error
export const FEATURES = 3; // input width
export const PIXELS = 4; // u8, rows × features: the batch's images as stored in the dataset (datasets without resident lists)
export const LABELS = 5; // i32, rows
export const TABLE = 6; // T[256]: pixel byte → input value (x / 255)
export const ROW_START = 7; // i32, rows + 1: lists of the batch's non-zero pixels, made from PIXELS …
export const COLUMNS = 8; // u16: … pixel index of each non-zero pixel
export const BYTES = 9; // u8: … and its byte
export const PER_SAMPLE = 10; // f64, rows: each sample's loss
export const COLUMN_START = 11; // i32, features + 1: where each pixel's (row, value) list starts in CSC_ROWS/CSC_VALUES
export const CURSOR = 12; // i32, features: scratch for building those lists
export const DENSE_X = 13; // T, rows × features: the batch as floats, for dense batches
export const CSC_ROWS = 14; // i32: the batch row of each non-zero pixel, listed by pixel, rows ascending
export const CSC_VALUES = 15; // T: its input value
// The lists the first layer reads: a dataset's resident lists (SOURCE_* set by the host, INDICES the
// batch's images), or the batch's own from PIXELS (SOURCE_* pointed at ROW_START/COLUMNS/BYTES, INDICES 0, 1, …).
export const INDICES = 16; // i32, rows: the image of each batch row
export const SOURCE_START = 17; // i32, images + 1: where each image's non-zero pixels start
export const SOURCE_COLUMNS = 18; // u16: pixel index of each non-zero pixel
export const SOURCE_BYTES = 19; // u8: its byte
export const TRANSPOSED = 20; // T: room for the largest Wᵀ of the layers after the first
// Words 21–23 are unused. Layer l's words start at LAYERS + l·LAYER_WORDS:
export const LAYERS = 24;
export const LAYER_WORDS = 8;
export const LAYER_IN = 0; // input width
export const LAYER_OUT = 1; // output width
export const LAYER_W = 2; // T, IN × OUT
export const LAYER_B = 3; // T, OUT
export const LAYER_GW = 4; // T, IN × OUT: W's gradient
export const LAYER_GB = 5; // T, OUT
export const LAYER_OUTPUT = 6; // T, rows × OUT: activations (softmax probabilities for the last layer)
export const LAYER_DELTA = 7; // T, rows × OUT: ∂L/∂(pre-activation)

// A dataset (or a batch) whose images are at most this share non-zero is handled as pixel lists: the
// host then keeps the dataset's lists resident, the module lists a batch's pixels instead of densifying it.
export const RESIDENT_DENSITY = 0.5;
