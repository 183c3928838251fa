import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rolldown } from 'rolldown';
import { nl } from '../src/lib/i18n/nl';
import { catalogueSections, splitCatalogue } from './vite-catalogue-sections';

const source = fs.readFileSync('src/lib/i18n/nl.ts', 'utf8');

/** Compares two catalogue values; functions by what they return for the same arguments. */
function same(a: unknown, b: unknown, where: string): void {
	if (typeof a === 'function' && typeof b === 'function') {
		expect(b.length, where).toBe(a.length);
		for (const args of [
			['Vraag', 3, 7],
			[3, 7, 'Vraag'],
			[new Date(0), 3, 'x']
		]) {
			const call = (f: (...x: unknown[]) => unknown) => {
				try {
					return String(f(...args));
				} catch (e) {
					return `throws ${(e as Error).name}`;
				}
			};
			expect(call(b as never), where).toBe(call(a as never));
		}
		return;
	}
	if (a && typeof a === 'object') {
		expect(Object.keys(b as object), where).toEqual(Object.keys(a));
		for (const key of Object.keys(a)) {
			same(
				(a as Record<string, unknown>)[key],
				(b as Record<string, unknown>)[key],
				`${where}.${key}`
			);
		}
		return;
	}
	expect(b, where).toBe(a);
}

function longestText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (!value || typeof value !== 'object') return '';
	return Object.values(value)
		.map(longestText)
		.reduce((a, b) => (b.length > a.length ? b : a), '');
}

describe('the client catalogue split', () => {
	it('turns every section of nl.ts into a module with the same texts', async () => {
		const split = splitCatalogue(source, './nl.ts');
		expect(split).not.toBeNull();
		expect([...split!.sections.keys()]).toEqual(Object.keys(nl));
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-'));
		for (const [name, code] of split!.sections) {
			const file = path.join(dir, `${name}.mjs`);
			fs.writeFileSync(file, code);
			const { default: section } = await import(pathToFileURL(file).href);
			same(nl[name as keyof typeof nl], section, name);
		}
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('leaves a catalogue of another shape alone', () => {
		expect(splitCatalogue(`export const nl = { ...other };`, './nl.ts')).toBeNull();
		expect(
			splitCatalogue(`const x = 1;\nexport const nl = { a: { b: x } };`, './nl.ts')
		).toBeNull();
	});

	it('bundles only the sections a page reads', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-bundle-'));
		const entry = path.join(dir, 'page.ts');
		const index = path.resolve('src/lib/i18n/index.ts');
		fs.writeFileSync(
			entry,
			`import { messages } from ${JSON.stringify(index)};\n` +
				`const m = messages.learn;\nexport const text = [m.next, messages.app.signedInAs('Lotte')];\n`
		);
		const bundle = await rolldown({ input: entry, plugins: [catalogueSections()] });
		const { output } = await bundle.generate({ format: 'esm' });
		await bundle.close();
		const code = output.map((o) => ('code' in o ? o.code : '')).join('\n');
		expect(code).toContain(nl.learn.next);
		expect(code).toContain(nl.app.name);
		// Staff, account and mail texts stay out of a learner page.
		for (const name of ['authoring', 'manager', 'mail', 'account', 'certificates'] as const) {
			const text = longestText(nl[name]);
			expect(text.length, name).toBeGreaterThan(20);
			expect(code, name).not.toContain(text);
		}
		const file = path.join(dir, 'out.mjs');
		fs.writeFileSync(file, code);
		const { text } = await import(pathToFileURL(file).href);
		expect(text).toEqual([nl.learn.next, nl.app.signedInAs('Lotte')]);
		fs.rmSync(dir, { recursive: true, force: true });
	});
});
