// Key files made at start-up: two servers (or two e2e workers) starting at once on one data
// folder must end up with one key, and neither may read the file before the key is in it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFileOnce } from './file-modes';

const dirs: string[] = [];
afterEach(() => {
	vi.restoreAllMocks();
	for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function newFolder(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-once-'));
	dirs.push(dir);
	return path.join(dir, 'keys');
}

describe('createFileOnce', () => {
	it('creates the file once, 0600 in a 0700 folder, and keeps the first content', () => {
		const folder = newFolder();
		const file = path.join(folder, 'two-factor.key');
		expect(createFileOnce(file, 'eerste\n')).toBe(true);
		expect(createFileOnce(file, 'tweede\n')).toBe(false);
		expect(fs.readFileSync(file, 'utf8')).toBe('eerste\n');
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
		expect(fs.readdirSync(folder)).toEqual(['two-factor.key']);
	});

	it('never writes into the file itself, so nobody can read it half written', () => {
		const file = path.join(newFolder(), 'two-factor.key');
		const writes = vi.spyOn(fs, 'writeFileSync');
		const opens = vi.spyOn(fs, 'openSync');
		createFileOnce(file, 'sleutel\n');
		const written = [...writes.mock.calls, ...opens.mock.calls].map(([target]) => String(target));
		expect(written.length).toBeGreaterThan(0);
		expect(written).not.toContain(file);
		expect(fs.readFileSync(file, 'utf8')).toBe('sleutel\n');
	});
});
