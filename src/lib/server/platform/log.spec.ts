import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The logger batches info lines per event-loop turn: a process that exits right after logging,
// even through process.exit, must still have written every line.
function run(code: string) {
	return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
		encoding: 'utf8',
		env: { ...process.env, VITEST: '' }
	});
}

const logModule = new URL('./log.ts', import.meta.url).pathname;

describe('log', () => {
	it('writes every info line, in order, also when the process exits at once', () => {
		const result = run(
			`import { log } from ${JSON.stringify(logModule)};` +
				`for (let i = 0; i < 5; i++) log.info('request', { i, password: 'geheim' });` +
				`process.exit(3);`
		);
		expect(result.status).toBe(3);
		const lines = result.stdout
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l));
		expect(lines.map((l) => l.i)).toEqual([0, 1, 2, 3, 4]);
		expect(lines[0]).toMatchObject({ level: 'info', event: 'request', password: '[weggelaten]' });
		expect(result.stdout).not.toContain('geheim');
	});

	it('writes warnings and errors at once, on stderr', () => {
		const result = run(
			`import { log } from ${JSON.stringify(logModule)};` +
				`log.info('first'); log.error('boom', { token: 't' }); setTimeout(() => {}, 50);`
		);
		expect(result.stdout.trim()).toContain('"event":"first"');
		const error = JSON.parse(result.stderr.trim());
		expect(error).toMatchObject({ level: 'error', event: 'boom', token: '[weggelaten]' });
	});
});
