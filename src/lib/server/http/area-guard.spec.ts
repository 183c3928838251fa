import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { areaGuard } from './area-guard';
import { fakeEvent, fakeResolve, type FakeEventInput } from './fake-event';
import { freshDatabase, makeUser } from '../testing/testing';
import { db } from '../db';
import { auditEvent } from '../db/schema';
import type { LocalUser } from '../accounts/guards';
import type { AreaRole } from '../accounts/access';

beforeEach(async () => {
	await freshDatabase();
});

afterEach(() => {
	delete process.env.REQUIRE_STAFF_2FA;
});

function as(
	roles: AreaRole[],
	input: FakeEventInput,
	twoFactorEnabled = true
): RequestEvent & { setCookies: string[] } {
	const event = fakeEvent(input);
	event.locals.user = { id: 5, roles, memberships: [], twoFactorEnabled } as unknown as LocalUser;
	return event;
}

async function thrown(event: RequestEvent): Promise<unknown> {
	try {
		await areaGuard({ event, resolve: fakeResolve() });
	} catch (cause) {
		return cause;
	}
	return null;
}

describe('areaGuard handle', () => {
	it('lets anyone reach pages outside the areas', async () => {
		const resolve = fakeResolve();
		await areaGuard({ event: fakeEvent({ path: '/privacy' }), resolve });
		expect(resolve.calls).toHaveLength(1);
	});

	it('sends a visitor to sign in and back, and refuses their posts with 401', async () => {
		const page = await thrown(fakeEvent({ path: '/leren/module?stap=2' }));
		expect(isRedirect(page) && page.location).toBe(
			'/aanmelden?redirectTo=%2Fleren%2Fmodule%3Fstap%3D2'
		);
		const post = await thrown(fakeEvent({ path: '/leren', method: 'POST' }));
		expect(isHttpError(post) && post.status).toBe(401);
	});

	it('sends staff without a second factor to enrol, except on /profiel', async () => {
		const page = await thrown(as(['manager'], { path: '/beheer' }, false));
		expect(isRedirect(page) && page.location).toBe('/profiel/tweestapsverificatie');
		const post = await thrown(as(['manager'], { path: '/beheer', method: 'POST' }, false));
		expect(isHttpError(post) && post.status).toBe(403);
		const resolve = fakeResolve();
		await areaGuard({ event: as(['manager'], { path: '/profiel' }, false), resolve });
		expect(resolve.calls).toHaveLength(1);
	});

	it('admits the area role and leaves page views of the wrong role to the friendly 403 page', async () => {
		const resolve = fakeResolve();
		await areaGuard({ event: as(['manager'], { path: '/beheer/deelnemers' }), resolve });
		await areaGuard({
			event: as(['learner'], { path: '/beheer', headers: { accept: 'text/html' } }),
			resolve
		});
		expect(resolve.calls).toHaveLength(2);
	});

	it('refuses data requests and posts of the wrong role with 403 and audits them', async () => {
		const u = await makeUser();
		const event = as(['learner'], { path: '/admin/organisaties', method: 'POST' });
		event.locals.user!.id = u.id;
		const refused = await thrown(event);
		expect(isHttpError(refused) && refused.status).toBe(403);
		const data = await thrown(
			as(['learner'], {
				path: '/admin/__data.json',
				isDataRequest: true,
				headers: { accept: 'text/html' }
			})
		);
		expect(isHttpError(data) && data.status).toBe(403);
		const rows = await db.select().from(auditEvent).where(eq(auditEvent.actorUserId, u.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ action: 'access.denied', targetId: '/admin/organisaties' });
	});
});
