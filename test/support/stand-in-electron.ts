/**
 * A stand-in for an unpacked Electron distribution (electron-builder's `electronDist`), for packaging
 * tests on machines that cannot download Electron. Its `electron` "binary" is a shell script carrying
 * a real fuse wire (sentinel, version 1, eight fuses in Electron 39's default states), so that
 * electron-builder's fuse flipping runs for real and the result can be read back.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SENTINEL } from '@electron/fuses/dist/constants';

/** Electron 39's shipped fuse states, in FuseV1Options order ('1' enabled, '0' disabled). */
export const ELECTRON_DEFAULT_FUSES = '10110001';

export function writeStandInElectron(folder: string, version: string): void {
  mkdirSync(join(folder, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
    Buffer.from(ELECTRON_DEFAULT_FUSES),
  ]);
  writeFileSync(
    join(folder, 'electron'),
    Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron"\n# '), wire, Buffer.from('\n')]),
    { mode: 0o755 },
  );
  writeFileSync(join(folder, 'version'), version);
  writeFileSync(join(folder, 'LICENSE'), 'stand-in for the Electron license file\n');
}
