import { describe, expect, it } from 'vitest';
import { load } from './+layout.server';

type Role = 'learner' | 'trainer' | 'manager' | 'admin';

/** The root layout's data for a signed-in user with these roles (or for nobody). */
function layoutData(roles: Role[] | null) {
	const user = roles ? { name: 'Lotte Janssens', roles } : null;
	return (load as unknown as (event: { locals: { user: typeof user } }) => unknown)({
		locals: { user }
	}) as { user: { name: string; nav: { href: string; label: string }[] } | null };
}

const links = (roles: Role[]) => layoutData(roles).user!.nav.map((l) => `${l.label} ${l.href}`);

describe('the header links in the root layout data', () => {
	it('gives nobody a name or links when nobody is signed in', () => {
		expect(layoutData(null)).toEqual({ user: null });
	});

	it('gives a learner learning, certificates and the profile', () => {
		expect(links(['learner'])).toEqual([
			'Leren /leren',
			'Certificaten /certificaten',
			'Profiel /profiel'
		]);
		expect(layoutData(['learner']).user!.name).toBe('Lotte Janssens');
	});

	it('adds each staff area for its role, in the order of the header', () => {
		expect(links(['trainer', 'manager'])).toEqual([
			'Beheer /beheer',
			'Auteur /auteur',
			'Profiel /profiel'
		]);
		expect(links(['admin', 'learner'])).toEqual([
			'Leren /leren',
			'Certificaten /certificaten',
			'Platformbeheer /admin',
			'Profiel /profiel'
		]);
	});
});
