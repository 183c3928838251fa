// The transactions' AsyncLocalStorage is on only while a transaction runs (transaction.ts): on
// Node 20 it runs async hooks on every promise of the process while on. These specs run on both
// engines (`npm run test:unit` and `npm run test:unit:postgres`).
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, makeUser } from '../testing/testing';
import { db, insideTransaction, transaction } from './index';
import { user } from './schema';

/** Whether a promise made now gets async hook fields: Node adds them only while hooks run. */
async function asyncHooksOn(): Promise<boolean> {
	// Node switches the hooks off in a microtask after the last storage went off: one turn later.
	await new Promise((resolve) => setImmediate(resolve));
	return Object.getOwnPropertySymbols(Promise.resolve()).length > 0;
}

const emailTaken = async (email: string) =>
	(await db.select({ id: user.id }).from(user).where(eq(user.email, email))).length > 0;

beforeEach(async () => {
	await freshDatabase();
});

describe('the transactions’ async context', () => {
	it('is off outside transactions and on while one runs, nested or side by side', async () => {
		expect(await asyncHooksOn()).toBe(false);
		const seen: boolean[] = [];
		const work = async (who: string) =>
			await transaction(async () => {
				await sleep(5);
				seen.push(insideTransaction());
				await transaction(async () => {
					await makeUser({ email: `${who}@test.signaalwijs.be` });
					await sleep(5);
					seen.push(insideTransaction());
				});
				seen.push(await asyncHooksOn());
			});
		await Promise.all([work('een'), work('twee')]);
		expect(seen).toEqual([true, true, true, true, true, true]);
		expect(insideTransaction()).toBe(false);
		expect(await asyncHooksOn()).toBe(false);
		expect(await emailTaken('een@test.signaalwijs.be')).toBe(true);
		expect(await emailTaken('twee@test.signaalwijs.be')).toBe(true);
	});

	it('follows a transaction begun after it went off: a throw after awaits undoes its writes', async () => {
		await transaction(async () => await makeUser({ email: 'eerst@test.signaalwijs.be' }));
		expect(await asyncHooksOn()).toBe(false);
		await expect(
			transaction(async () => {
				await sleep(5);
				await makeUser({ email: 'terug@test.signaalwijs.be' });
				await sleep(5);
				throw new Error('afgebroken');
			})
		).rejects.toThrow('afgebroken');
		expect(await emailTaken('terug@test.signaalwijs.be')).toBe(false);
		expect(await emailTaken('eerst@test.signaalwijs.be')).toBe(true);
		expect(await asyncHooksOn()).toBe(false);
	});

	it('leaves work a transaction did not wait for outside it once it has ended', async () => {
		let later: Promise<boolean> | undefined;
		await transaction(async () => {
			later = sleep(30).then(() => insideTransaction());
		});
		expect(await later).toBe(false);
		// That work still ran after the transaction: it is not a transaction of its own.
		await makeUser({ email: 'daarna@test.signaalwijs.be' });
		expect(await emailTaken('daarna@test.signaalwijs.be')).toBe(true);
		expect(await asyncHooksOn()).toBe(false);
	});
});
