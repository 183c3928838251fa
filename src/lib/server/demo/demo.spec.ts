import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { freshDatabase } from '../testing/testing';
import { db, first } from '../db';
import { assignment, certificate, user } from '../db/schema';
import { loadShippedCourse } from '../content/course';
import { syncShippedModules } from '../content/versions';
import { isEmpty, seedDemo } from './seed';
import { seedDemoCertificates } from './certificates';
import { seedDemoAssignments } from './manager';
import { seedDemoAuthoring } from './authoring';

describe('the demo data', () => {
	it('seeds an empty database once, with accounts, assignments and certificates', async () => {
		await freshDatabase();
		await syncShippedModules(loadShippedCourse());
		expect(await isEmpty()).toBe(true);
		expect(await seedDemo()).toBe(true);
		await seedDemoCertificates();
		await seedDemoAssignments();
		await seedDemoAuthoring();
		expect(await isEmpty()).toBe(false);
		expect(await seedDemo()).toBe(false);
		const users = (await first(db.select({ n: count() }).from(user)))!.n;
		expect(users).toBeGreaterThan(20);
		expect((await first(db.select({ n: count() }).from(assignment)))!.n).toBe(2);
		expect((await first(db.select({ n: count() }).from(certificate)))!.n).toBeGreaterThan(0);
	}, 120_000);
});
