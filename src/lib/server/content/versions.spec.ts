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

function versions() {
	return db
		.select({
			slug: moduleVersion.moduleSlug,
			version: moduleVersion.version,
			source: moduleVersion.source,
			title: moduleVersion.title
		})
		.from(moduleVersion)
		.orderBy(asc(moduleVersion.moduleSlug), asc(moduleVersion.version))
		.all();
}

/** Gives module basis a new title, the way an author edits its index.md. */
function retitleBasis(title: string): void {
	const text = readFileSync(basisIndex(), 'utf8');
	expect(text).toContain("title: 'Basis: wat en hoe'");
	writeFileSync(basisIndex(), text.replace("title: 'Basis: wat en hoe'", `title: '${title}'`));
}

beforeEach(() => {
	freshDatabase();
	dir = mkdtempSync(path.join(tmpdir(), 'signaalwijs-versions-'));
	cpSync('tests/fixtures/modules-valid', dir, { recursive: true });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('syncShippedModules', () => {
	it('registers every shipped module as version 1', () => {
		syncShippedModules(loadCourse(dir));
		expect(versions()).toEqual([
			{ slug: 'basis', version: 1, source: 'shipped', title: 'Basis: wat en hoe' },
			{ slug: 'opfrissing', version: 1, source: 'shipped', title: expect.any(String) }
		]);
	});

	it('adds nothing when the files are unchanged, however often it runs', () => {
		syncShippedModules(loadCourse(dir));
		const before = versions();
		syncShippedModules(loadCourse(dir));
		syncShippedModules(loadCourse(dir));
		expect(versions()).toEqual(before);
	});

	it('makes a new version of a changed module only, and leaves the old one as it was', () => {
		syncShippedModules(loadCourse(dir));
		const first = latestVersionId('basis')!;
		const opfrissing = latestVersionId('opfrissing')!;

		retitleBasis('Basis: herkennen en handelen');
		syncShippedModules(loadCourse(dir));

		expect(versions().map((v) => [v.slug, v.version, v.title])).toEqual([
			['basis', 1, 'Basis: wat en hoe'],
			['basis', 2, 'Basis: herkennen en handelen'],
			['opfrissing', 1, expect.any(String)]
		]);
		const second = latestVersionId('basis')!;
		expect(second).not.toBe(first);
		expect(latestVersionId('opfrissing')).toBe(opfrissing);
		// Version 1 is immutable: it still reads back exactly as it was shipped.
		expect(loadVersion(first)!.module.meta.title).toBe('Basis: wat en hoe');
		expect(loadVersion(second)!.module.meta.title).toBe('Basis: herkennen en handelen');
		expect(loadVersion(second)!.module.steps.map((s) => s.slug)).toEqual(
			loadVersion(first)!.module.steps.map((s) => s.slug)
		);
	});

	it('a change that is undone again does not make a third version', () => {
		syncShippedModules(loadCourse(dir));
		const original = readFileSync(basisIndex());
		retitleBasis('Basis: even anders');
		syncShippedModules(loadCourse(dir));
		writeFileSync(basisIndex(), original);
		syncShippedModules(loadCourse(dir));
		expect(versions().filter((v) => v.slug === 'basis')).toHaveLength(2);
	});
});

describe('an enrolled learner', () => {
	it('keeps the version they started, while a new learner gets the newest', async () => {
		syncShippedModules(loadCourse(dir));
		const early = await makeUser();
		const started = startModule(early.id, 'basis');
		const first = started.moduleVersionId;
		expect(loadVersion(first)!.module.meta.title).toBe('Basis: wat en hoe');

		retitleBasis('Basis: herkennen en handelen');
		syncShippedModules(loadCourse(dir));

		const again = startModule(early.id, 'basis');
		expect(again.id).toBe(started.id);
		expect(again.moduleVersionId).toBe(first);
		expect(loadVersion(again.moduleVersionId)!.module.meta.title).toBe('Basis: wat en hoe');

		const late = await makeUser();
		const newer = startModule(late.id, 'basis');
		expect(newer.moduleVersionId).toBe(latestVersionId('basis'));
		expect(newer.moduleVersionId).not.toBe(first);
		expect(loadVersion(newer.moduleVersionId)!.module.meta.title).toBe(
			'Basis: herkennen en handelen'
		);
	});
});
