import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/testing';
import { db, transaction } from './index';
import { prepared } from './prepared';
import { organisation } from './schema';

const byName = prepared((database) =>
	database
		.select({ id: organisation.id, name: organisation.name })
		.from(organisation)
		.where(eq(organisation.name, sql.placeholder('name')))
		.prepare()
);

beforeEach(async () => {
	await freshDatabase();
});

describe('prepared statements', () => {
	it("read the caller's own transaction, and what it rolled back is gone afterwards", async () => {
		await expect(
			transaction(async () => {
				await db.insert(organisation).values({ name: 'Tijdelijk' });
				// On PostgreSQL the statement was built on the pool: it must run on this
				// transaction's connection, or it would not see the uncommitted row.
				expect(await byName().get({ name: 'Tijdelijk' })).toMatchObject({ name: 'Tijdelijk' });
				throw new Error('terug');
			})
		).rejects.toThrow('terug');
		expect(await byName().get({ name: 'Tijdelijk' })).toBeUndefined();
	});

	it('run again and again with other values, inside and outside transactions', async () => {
		await db.insert(organisation).values([{ name: 'Een' }, { name: 'Twee' }]);
		for (let i = 0; i < 3; i++) {
			expect((await byName().all({ name: 'Een' })).map((r) => r.name)).toEqual(['Een']);
			await transaction(async () => {
				expect((await byName().get({ name: 'Twee' }))?.name).toBe('Twee');
			});
		}
		expect(await byName().all({ name: 'Drie' })).toEqual([]);
	});
});
