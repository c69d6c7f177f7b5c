/**
 * One of many writers of a store: once told "go" on stdin, creates a run under each of the ids it is given (the
 * same ids its rivals are given, at the same moment) and prints, as one JSON line, the ids it won and the ids the
 * store refused because a rival had taken them.
 */
import { createInterface } from 'node:readline';
import { RunIdTakenError, RunStore } from '../../electron/core/store/run-store';
import { makeRecord } from './runs';

const [home, writer, idsJson] = process.argv.slice(2);
const ids = JSON.parse(idsJson) as string[];
const store = new RunStore(home);
process.stdout.write('ready\n');
createInterface({ input: process.stdin }).once('line', () => {
  const won: string[] = [];
  const lost: string[] = [];
  for (const id of ids) {
    try {
      store.create(makeRecord({ id, name: writer, notes: `written by ${writer}` }));
      won.push(id);
    } catch (error) {
      if (!(error instanceof RunIdTakenError)) throw error;
      lost.push(id);
    }
  }
  process.stdout.write(`${JSON.stringify({ won, lost })}\n`);
  process.exit(0);
});
