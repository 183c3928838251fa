import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { moduleVersion } from '../db/schema';
import { startModule } from '../learning';
import { freshDatabase, makeUser } from '../testing/testing';
import { loadCourse } from './load';
import { latestVersionId, loadVersion, syncShippedModules } from './versions';

// A copy of the small valid fixture course that the test may edit, as an author edits modules/.
let dir: string;
const basisIndex = () => path.join(dir, '01-basis', 'index.md');

async function versions() {
	return await db
		.select({
			slug: moduleVersion.moduleSlug,
			version: moduleVersion.version,
			source: moduleVersion.source,
			title: moduleVersion.title
		})
		.from(moduleVersion)
		.orderBy(asc(moduleVersion.moduleSlug), asc(moduleVersion.version));
}

/** Gives module basis a new title, the way an author edits its index.md. */
function retitleBasis(title: string): void {
	const text = readFileSync(basisIndex(), 'utf8');
	expect(text).toContain("title: 'Basis: wat en hoe'");
	writeFileSync(basisIndex(), text.replace("title: 'Basis: wat en hoe'", `title: '${title}'`));
}

beforeEach(async () => {
	await freshDatabase();
	dir = mkdtempSync(path.join(tmpdir(), 'signaalwijs-versions-'));
	cpSync('tests/fixtures/modules-valid', dir, { recursive: true });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('syncShippedModules', () => {
	it('registers every shipped module as version 1', async () => {
		await syncShippedModules(loadCourse(dir));
		expect(await versions()).toEqual([
			{ slug: 'basis', version: 1, source: 'shipped', title: 'Basis: wat en hoe' },
			{ slug: 'opfrissing', version: 1, source: 'shipped', title: expect.any(String) }
		]);
	});

	it('adds nothing when the files are unchanged, however often it runs', async () => {
		await syncShippedModules(loadCourse(dir));
		const before = await versions();
		await syncShippedModules(loadCourse(dir));
		await syncShippedModules(loadCourse(dir));
		expect(await versions()).toEqual(before);
	});

	it('makes a new version of a changed module only, and leaves the old one as it was', async () => {
		await syncShippedModules(loadCourse(dir));
		const first = (await latestVersionId('basis'))!;
		const opfrissing = (await latestVersionId('opfrissing'))!;

		retitleBasis('Basis: herkennen en handelen');
		await syncShippedModules(loadCourse(dir));

		expect((await versions()).map((v) => [v.slug, v.version, v.title])).toEqual([
			['basis', 1, 'Basis: wat en hoe'],
			['basis', 2, 'Basis: herkennen en handelen'],
			['opfrissing', 1, expect.any(String)]
		]);
		const second = (await latestVersionId('basis'))!;
		expect(second).not.toBe(first);
		expect(await latestVersionId('opfrissing')).toBe(opfrissing);
		// Version 1 is immutable: it still reads back exactly as it was shipped.
		expect((await loadVersion(first))!.module.meta.title).toBe('Basis: wat en hoe');
		expect((await loadVersion(second))!.module.meta.title).toBe('Basis: herkennen en handelen');
		expect((await loadVersion(second))!.module.steps.map((s) => s.slug)).toEqual(
			(await loadVersion(first))!.module.steps.map((s) => s.slug)
		);
	});

	it('a change that is undone again does not make a third version', async () => {
		await syncShippedModules(loadCourse(dir));
		const original = readFileSync(basisIndex());
		retitleBasis('Basis: even anders');
		await syncShippedModules(loadCourse(dir));
		writeFileSync(basisIndex(), original);
		await syncShippedModules(loadCourse(dir));
		expect((await versions()).filter((v) => v.slug === 'basis')).toHaveLength(2);
	});
});

describe('an enrolled learner', () => {
	it('keeps the version they started, while a new learner gets the newest', async () => {
		await syncShippedModules(loadCourse(dir));
		const early = await makeUser();
		const started = await startModule(early.id, 'basis');
		const first = started.moduleVersionId;
		expect((await loadVersion(first))!.module.meta.title).toBe('Basis: wat en hoe');

		retitleBasis('Basis: herkennen en handelen');
		await syncShippedModules(loadCourse(dir));

		const again = await startModule(early.id, 'basis');
		expect(again.id).toBe(started.id);
		expect(again.moduleVersionId).toBe(first);
		expect((await loadVersion(again.moduleVersionId))!.module.meta.title).toBe('Basis: wat en hoe');

		const late = await makeUser();
		const newer = await startModule(late.id, 'basis');
		expect(newer.moduleVersionId).toBe(await latestVersionId('basis'));
		expect(newer.moduleVersionId).not.toBe(first);
		expect((await loadVersion(newer.moduleVersionId))!.module.meta.title).toBe(
			'Basis: herkennen en handelen'
		);
	});
});
