/** The learning engine: everything chapter 4 of the book builds, from scratch. */
export * from './tensor';
export * from './rng';
export * from './functions';
export * from './gradient';
export * from './numerical-incremental';
export * from './kernels';
export * from './dataset';
export * from './network';
export * from './optimizers';
export * from './evaluate';
export * from './train';
export * from './gradcheck';
export * from './kernel-set';
export * from './best-kernels';
