// A probe of V8's internals in a fresh Node process, for specs that check how objects are laid out
// or where they are allocated: those depend on everything the process did before, so each probe
// gets a process of its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/**
 * Writes `code` to probe.mjs in `dir`, runs it in a fresh Node process with V8's natives syntax
 * (`%HaveSameMap`, `%InYoungGeneration`) and `flags`, and returns what it printed, read as JSON.
 * Anything it writes to stderr fails the calling test. `T` is what the caller expects; by default
 * what JSON.parse gives.
 */
export function runProbe<T = ReturnType<typeof JSON.parse>>(
	dir: string,
	code: string,
	flags: string[] = []
): T {
	const file = path.join(dir, 'probe.mjs');
	fs.writeFileSync(file, code);
	const run = spawnSync(process.execPath, ['--allow-natives-syntax', ...flags, file], {
		encoding: 'utf8'
	});
	expect(run.stderr).toBe('');
	return JSON.parse(run.stdout) as T;
}
