import type { LayoutServerLoad } from './$types';
import { messages } from '$lib/i18n';
import type { NavLink } from '$lib/components/SiteHeader.svelte';

type Role = 'learner' | 'trainer' | 'manager' | 'admin';

const m = messages.nav;
const navByRoles = new Map<string, NavLink[]>();

/**
 * The header's links for a user's roles, worked out here rather than in the browser: the role
 * logic and the nav strings stay out of the script every page downloads. One list per
 * combination of roles, made once.
 */
function navFor(roles: readonly Role[]): NavLink[] {
	const key = roles.join();
	let links = navByRoles.get(key);
	if (!links) {
		links = [];
		if (roles.includes('learner')) {
			links.push(
				{ href: '/leren', label: m.learn },
				{ href: '/certificaten', label: m.certificates }
			);
		}
		if (roles.includes('manager')) links.push({ href: '/beheer', label: m.manage });
		if (roles.includes('trainer')) links.push({ href: '/auteur', label: m.author });
		if (roles.includes('admin')) links.push({ href: '/admin', label: m.admin });
		links.push({ href: '/profiel', label: m.profile });
		navByRoles.set(key, links);
	}
	return links;
}

export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	return { user: user ? { name: user.name, nav: navFor(user.roles) } : null };
};
