// Types of scripts/cli-bundle.js (plain JavaScript: bin/descent.js loads it before any TypeScript can run).
export function cliBundleDir(root: string): string;
export function cliBundleIsFresh(root: string): boolean;
export function buildCliBundle(root: string): Promise<string>;
