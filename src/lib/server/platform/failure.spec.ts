import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '$lib/i18n';
import { describeFailure, failure, isFailure } from './failure';

/** Every `failure('x.y'` and `code: 'x.y'` written in the server code and the routes. */
function codesInSources(dir: string, found = new Set<string>()): Set<string> {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) codesInSources(full, found);
		else if (/\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) {
			const text = fs.readFileSync(full, 'utf8');
			for (const m of text.matchAll(
				/(?:failure\(|DomainError\(\{\s*code:\s*|code:\s*)'([a-z][\w-]*\.[\w.-]+)'/g
			)) {
				found.add(m[1]);
			}
		}
	}
	return found;
}

describe('failure codes', () => {
	it('has a Dutch message for every code the code base uses', () => {
		const used = [...codesInSources('src/lib/server'), ...codesInSources('src/routes')];
		const missing = used.filter((code) => !(code in messages.codes));
		expect(missing).toEqual([]);
	});

	it('turns a code into its Dutch sentence once, at the edge', () => {
		const f = failure('request.invalid');
		expect(isFailure(f)).toBe(true);
		expect(describeFailure(f)).toMatch(/verzoek klopt niet/);
		expect(isFailure({ code: 'no.such.code' })).toBe(false);
	});
});
