import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { v8Flags } from '../runtime-flags.js';
import { runProbe } from '../tests/support/node-probe';

const flagsModule = pathToFileURL(path.resolve('runtime-flags.js')).href;

/**
 * Whether an object from an allocation site whose objects all survived twenty young-generation
 * collections is still made in the young generation, in a fresh Node process that first imports
 * `preamble` (or nothing).
 */
function freshObjectStaysYoung(preamble: string): boolean {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-flags-'));
	try {
		return runProbe<boolean>(
			dir,
			`${preamble}
			const make = (i) => ({ i, list: [i], text: 'item ' + i });
			const kept = [];
			for (let round = 0; round < 20; round++) {
				for (let i = 0; i < 20000; i++) kept.push(make(i));
				gc({ type: 'minor' });
			}
			console.log(JSON.stringify(%InYoungGeneration(make(-1))));
		`,
			['--expose-gc']
		);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

describe('runtime-flags.js', () => {
	it('turns off allocation-site pretenuring, so long-lived objects no longer make later ones old', () => {
		expect(v8Flags).toEqual(['--no-allocation-site-pretenuring']);
		// Without the module V8 tenures the site: its next object is made in the old generation.
		expect(freshObjectStaysYoung('')).toBe(false);
		// With it (as server.js starts), the next object is young like any other.
		expect(freshObjectStaysYoung(`import ${JSON.stringify(flagsModule)};`)).toBe(true);
	});

	it('is the first thing server.js imports, before the app allocates anything', () => {
		const server = fs.readFileSync('server.js', 'utf8');
		const imports = server.match(/^import .*$/gm) ?? [];
		expect(imports[0]).toBe("import './runtime-flags.js';");
		expect(server.indexOf("import './runtime-flags.js';")).toBeLessThan(
			server.indexOf("await import('./build/handler.js')")
		);
	});
});
