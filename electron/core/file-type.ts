/** Naming what kind of file something is, for messages about files Descent refuses to read. */
import type { Dirent, Stats } from 'node:fs';

/** "a FIFO (named pipe)", "a folder", "a symbolic link", …: what a folder entry or a file's stats describe. */
export function fileTypeOf(entry: Stats | Dirent): string {
  if (entry.isSymbolicLink()) return 'a symbolic link';
  if (entry.isDirectory()) return 'a folder';
  if (entry.isFIFO()) return 'a FIFO (named pipe)';
  if (entry.isCharacterDevice()) return 'a character device';
  if (entry.isBlockDevice()) return 'a block device';
  if (entry.isSocket()) return 'a socket';
  if (entry.isFile()) return 'a regular file';
  return 'an unknown kind of file';
}
