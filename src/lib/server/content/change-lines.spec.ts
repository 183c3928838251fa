import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase } from '../testing/testing';
import { db } from '../db';
import { moduleVersion } from '../db/schema';
import { getCourse } from './course';
import { latestVersionId, syncShippedModules } from './versions';

const course = getCourse();
const slug = 'wat-en-hoe';
const mod = course.moduleBySlug.get(slug)!;

const versionsOf = async (s: string) =>
	await db
		.select({ version: moduleVersion.version, changes: moduleVersion.changes })
		.from(moduleVersion)
		.where(eq(moduleVersion.moduleSlug, s))
		.orderBy(moduleVersion.version);

beforeEach(async () => await freshDatabase());

describe('change lines of shipped versions', () => {
	it('are stored with the version that follows a change of the files', async () => {
		expect(mod.meta.changes?.length).toBeGreaterThan(0);
		const firstEdition = {
			...course,
			modules: course.modules.map((m) =>
				m.slug === slug
					? { ...m, contentHash: 'first-edition', meta: { ...m.meta, changes: undefined } }
					: m
			)
		};
		await syncShippedModules(firstEdition);
		const first = await latestVersionId(slug);
		await syncShippedModules(course);
		expect(await latestVersionId(slug)).not.toBe(first);
		expect(await versionsOf(slug)).toEqual([
			{ version: 1, changes: null },
			{ version: 2, changes: mod.meta.changes }
		]);
	});

	it('are not stored for the first version a database gets', async () => {
		await syncShippedModules(course);
		expect(await versionsOf(slug)).toEqual([{ version: 1, changes: null }]);
		await syncShippedModules(course);
		expect(await versionsOf(slug)).toHaveLength(1);
	});

	it('are Dutch sentences on every changed shipped module', () => {
		for (const m of course.modules.filter((x) => x.meta.changes)) {
			for (const line of m.meta.changes!) expect(line).toMatch(/^[A-Z0-9'"].+[.)]$/);
		}
	});
});
