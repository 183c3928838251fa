import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase, makeUser } from '../testing/testing';
import * as accounts from '.';
import { db, first } from '../db';
import { mailOutbox, user } from '../db/schema';

beforeEach(async () => {
	await freshDatabase();
});

async function mailsTo(email: string) {
	return await db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email));
}

function tokenIn(body: string): string {
	const match = body.match(/\/profiel\/e-mailadres\/([a-z0-9]+)/);
	expect(match, body).not.toBeNull();
	return match![1];
}

describe('changing the e-mail address', () => {
	it('changes only once the link mailed to the new address is opened by the same account', async () => {
		const u = await makeUser();
		const other = await makeUser();
		expect(
			await accounts.requestEmailChange({ userId: u.id, newEmail: ' Nieuw@School.be ' })
		).toEqual({
			ok: true
		});
		// Nothing changes yet; the old address hears about the request.
		expect((await accounts.getUser(u.id))?.email).toBe(u.email);
		expect((await mailsTo(u.email)).at(-1)?.body).toContain('nieuw@school.be');
		const token = tokenIn((await mailsTo('nieuw@school.be')).at(-1)!.body);
		// Someone else's session cannot use the link.
		expect(await accounts.confirmEmailChange({ token, userId: other.id })).toBeNull();
		expect(await accounts.confirmEmailChange({ token, userId: u.id })).toBe('nieuw@school.be');
		expect((await accounts.getUser(u.id))?.email).toBe('nieuw@school.be');
		// The link works once.
		expect(await accounts.confirmEmailChange({ token, userId: u.id })).toBeNull();
	});

	it("never moves an account onto another account's address, and does not tell", async () => {
		const u = await makeUser();
		const taken = await makeUser();
		expect(await accounts.requestEmailChange({ userId: u.id, newEmail: taken.email })).toEqual({
			ok: true
		});
		expect(await mailsTo(taken.email)).toEqual([]);
		expect((await first(db.select().from(user).where(eq(user.id, u.id))))?.email).toBe(u.email);
		expect(await accounts.requestEmailChange({ userId: u.id, newEmail: u.email })).toEqual({
			ok: false,
			reason: 'same'
		});
	});
});
