/**
 * `--out FILE`: a file the user names, written so that a typo or a planted link cannot destroy anything.
 * Without `--force` the file must not exist (O_EXCL), which also refuses any symlink, dangling or not,
 * so nothing is ever written through a link. With `--force` the text goes to a new file beside it that
 * is then renamed over the name: an existing file or link is replaced whole, never written through,
 * and a failed write leaves the old file as it was.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errorCode } from '../../shared/errors';
import { UsageError } from './train-flags';
import { writeAllSync } from './write-all';

// O_NOFOLLOW is redundant with O_EXCL on POSIX (which never follows a final symlink), kept as a second lock;
// Windows has neither symlink semantics here nor the constant (undefined | n is n).
const NEW_FILE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Creates `path` (which must not exist) with what `produce` writes; removes what it created if that fails. */
function writeNew(path: string, produce: (write: (data: string | Uint8Array) => void) => void): void {
  const fd = openSync(path, NEW_FILE, 0o666);
  try {
    produce((data) => writeAllSync(fd, typeof data === 'string' ? Buffer.from(data) : data));
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
  closeSync(fd);
}

/**
 * Writes the user's `--out` file (or the file of another such `flag`): a new file, or with `force` a replacement of
 * what is there. The text is made piece by piece (a streamed export): `produce` writes it through `write`.
 */
export function writeOutFile(
  path: string,
  force: boolean,
  produce: (write: (data: string | Uint8Array) => void) => void,
  flag = '--out',
): void {
  if (!force) {
    try {
      writeNew(path, produce);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST' || code === 'ELOOP') {
        throw new UsageError(`${flag}: ${path} exists; add --force to replace it`);
      }
      throw error;
    }
    return;
  }
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  writeNew(temp, produce);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
