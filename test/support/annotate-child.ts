/**
 * Another process sharing the store (as serve or the app is to a CLI run): annotates run `id` through a
 * run manager of its own and prints the record it gets back.
 */
import { RunManager } from '../../electron/core/run-manager';
import { RunStore } from '../../electron/core/store/run-store';
import { NodeTrainerHost } from '../../electron/core/trainer-host';

const [home, id, change] = process.argv.slice(2);
const manager = new RunManager({ store: new RunStore(home), host: new NodeTrainerHost(), concurrency: 1 });
process.stdout.write(`${JSON.stringify(manager.annotate(id, JSON.parse(change)))}\n`);
