#!/usr/bin/env node
// The `descent` command. Runs the TypeScript sources directly (tsx compiles them on load), so the
// command works right after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
