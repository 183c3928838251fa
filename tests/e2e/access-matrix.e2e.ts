// The access matrix: every page, its __data.json, every form action and every endpoint method,
// found by walking src/routes at test time, against six callers. A route that is added without a
// row in the table below fails the test by name, so no new path can ship unclassified.
import fs from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import type { E2eServer } from '../support/e2e-server';
import { demo, demoPassword, expect, test } from './fixtures';

type Role = 'anonymous' | 'learnerA' | 'trainerA' | 'managerA' | 'managerB' | 'admin';
type Access = 'public' | 'guest' | 'signedIn' | 'learner' | 'manager' | 'trainer' | 'admin';
type Kind = 'page' | 'data' | 'action' | 'endpoint' | 'method';

const accounts: Record<Exclude<Role, 'anonymous'>, { email: string; roles: Access[] }> = {
	learnerA: { email: demo.teacher, roles: ['learner'] },
	trainerA: { email: demo.trainer, roles: ['trainer'] },
	managerA: { email: demo.manager, roles: ['manager'] },
	managerB: { email: demo.horizonManager, roles: ['manager'] },
	admin: { email: demo.admin, roles: ['admin'] }
};
const roles: Role[] = ['anonymous', 'learnerA', 'trainerA', 'managerA', 'managerB', 'admin'];

// Concrete values for the dynamic segments; ids come from the worker's e2e database
// (organisation A is Sint-Jans, organisation B is Horizon).
async function ids(server: E2eServer) {
	const row = async <T>(sql: string, ...params: unknown[]) => server.query<T>(sql, ...params);
	const userId = async (email: string) =>
		(await row<{ id: number }>('select id from "user" where email = ?', email))!.id;
	const learnerA = await userId(demo.teacher);
	const otherCertificate = await row<{ id: number }>(
		'select id from certificate where user_id != ? order by id limit 1',
		learnerA
	);
	const shippedVersion = (await row<{ id: number }>(
		"select id from module_version where source = 'shipped' order by id limit 1"
	))!;
	// Tom's never-published demo draft (organisation A) and its first step, for the preview.
	const draft = (await row<{ id: number; content: unknown }>(
		'select id, content from module_draft where published_hash is null order by id'
	))!;
	// SQLite keeps the JSON as text, PostgreSQL as jsonb (already parsed by the client).
	const content = typeof draft.content === 'string' ? JSON.parse(draft.content) : draft.content;
	const steps = (content as { steps: { slug: string; quiz?: unknown; assessment?: unknown }[] })
		.steps;
	return {
		learnerA,
		otherCertificate: String(otherCertificate?.id ?? 99999999),
		shippedVersion: String(shippedVersion.id),
		draft: String(draft.id),
		draftStep: steps[0].slug,
		draftQuizStep: String(steps.findIndex((s) => s.quiz || s.assessment) + 1)
	};
}

/** What a caller sees: a status, and for redirects where they lead. */
interface Outcome {
	status: number;
	location?: RegExp;
}
const ok: Outcome = { status: 200 };
const toSignIn: Outcome = { status: 303, location: /^\/aanmelden\?redirectTo=/ };
const forbidden: Outcome = { status: 403 };
const notFound: Outcome = { status: 404 };
const unauthorised: Outcome = { status: 401 };
const badRequest: Outcome = { status: 400 };
const notAllowed: Outcome = { status: 405 };

interface Row {
	access: Access;
	/** Outcomes that differ from what the access class implies, per kind and role. */
	except?: Partial<Record<Kind, Partial<Record<Role, Outcome>>>>;
	/** Anonymous POST of an empty form to each public action: a calm refusal, never a 200 or 500. */
	publicActions?: Record<string, Outcome>;
}

const home = (where: string): Outcome => ({ status: 303, location: new RegExp(`^${where}$`) });

// The classification. Keys are route ids as SvelteKit names them.
const table: Record<string, Row> = {
	'/': { access: 'public' },
	'/privacy': { access: 'public' },
	'/toegankelijkheid': { access: 'public' },
	'/healthz': { access: 'public' },
	'/[wellKnown=wellknown]/jwks.json': { access: 'public' },
	'/openbadges/issuer': { access: 'public' },
	'/openbadges/status/1': { access: 'public' },
	'/aanmelden': { access: 'guest', publicActions: { default: badRequest } },
	'/aanmelden/code': {
		access: 'guest',
		except: { page: { anonymous: home('/aanmelden') } },
		publicActions: { code: home('/aanmelden'), herstel: home('/aanmelden') }
	},
	// Single sign-on: a callback without a sign-in in flight shows the calm refusal page; the
	// audience choice without a pending first sign-in says the step expired.
	'/aanmelden/sso/[provider=id]/terug': { access: 'public' },
	'/aanmelden/sso/[provider=id]/welkom': {
		access: 'public',
		publicActions: { default: badRequest }
	},
	'/registreren': { access: 'guest', publicActions: { default: badRequest } },
	// A bogus confirmation link shows the calm "link no longer valid" page.
	'/registreren/[token]': { access: 'public', publicActions: { default: badRequest } },
	'/wachtwoord-vergeten': { access: 'public', publicActions: { default: badRequest } },
	// A bogus token shows the calm "link no longer valid" page.
	'/wachtwoord-vergeten/[token]': { access: 'public', publicActions: { default: badRequest } },
	// Linking an invitation to an existing account needs that account signed in first.
	'/uitnodiging/[token]': {
		access: 'public',
		publicActions: {
			accept: badRequest,
			link: { status: 303, location: /^\/aanmelden\?redirectTo=/ }
		}
	},
	'/verifieer': { access: 'public', publicActions: { default: badRequest } },
	// A made-up certificate code is unknown to everyone.
	'/verifieer/[code]': {
		access: 'public',
		except: {
			page: Object.fromEntries(roles.map((r) => [r, notFound])),
			data: Object.fromEntries(roles.map((r) => [r, notFound]))
		}
	},
	// Signing out is open to everyone; it is only exercised anonymously (it ends the session).
	'/afmelden': {
		access: 'public',
		except: { endpoint: { anonymous: home('/aanmelden\\?melding=afgemeld') } }
	},
	'/leren': { access: 'learner' },
	'/leren/[module=slug]': { access: 'learner' },
	'/leren/[module=slug]/[step=slug]': { access: 'learner' },
	// Lesson steps, served without client JavaScript (the `textonly` matcher).
	'/leren/[module=slug]/[step=textonly]': { access: 'learner' },
	// Lotte started module 2 without its pre-test: she sees the calm "no longer open" page.
	'/leren/[module=slug]/voortoets': { access: 'learner' },
	'/leren/[module=slug]/signaalkaart.pdf': { access: 'learner' },
	'/certificaten': { access: 'learner' },
	// Someone else's certificate is not found for a learner: never a 200.
	'/certificaten/[id=id]/pdf': { access: 'learner', except: { endpoint: { learnerA: notFound } } },
	'/certificaten/[id=id]/openbadge': {
		access: 'learner',
		except: { endpoint: { learnerA: notFound } }
	},
	'/profiel': { access: 'signedIn' },
	'/profiel/gegevens.json': { access: 'signedIn' },
	'/profiel/tweestapsverificatie': { access: 'signedIn' },
	'/profiel/verwijderen': { access: 'signedIn' },
	'/profiel/bevestigen': { access: 'signedIn' },
	'/profiel/e-mailadres': { access: 'signedIn' },
	// A made-up link shows the calm "this link no longer works" page.
	'/profiel/e-mailadres/[token]': { access: 'signedIn' },
	'/auteur': { access: 'trainer' },
	'/auteur/statistieken': { access: 'trainer' },
	'/auteur/importeren': { access: 'trainer' },
	// Tom's own draft (organisation A): trainer A exports it.
	'/auteur/concepten/[draft=id]/export.zip': { access: 'trainer' },
	// A shipped module version: every trainer may export it.
	'/auteur/versies/[version=id]/export.zip': { access: 'trainer' },
	'/auteur/concepten/[draft=id]/voorbeeld': { access: 'trainer' },
	'/auteur/concepten/[draft=id]/voorbeeld/[step=slug]': { access: 'trainer' },
	// Tom's own draft (organisation A): the editor opens for trainer A.
	'/auteur/concepten/[draft=id]': { access: 'trainer' },
	'/auteur/concepten/[draft=id]/geschiedenis': { access: 'trainer' },
	'/auteur/concepten/[draft=id]/stappen/[step=id]': { access: 'trainer' },
	'/auteur/concepten/[draft=id]/stappen/[step=id]/vragen/[item=id]': { access: 'trainer' },
	'/beheer': { access: 'manager' },
	'/beheer/deelnemers': { access: 'manager' },
	// Learner A belongs to organisation A: manager B gets a 404, not their record.
	'/beheer/deelnemers/[id]': {
		access: 'manager',
		except: { page: { managerB: notFound }, data: { managerB: notFound } }
	},
	'/beheer/export.csv': { access: 'manager' },
	'/beheer/opdrachten': { access: 'manager' },
	'/beheer/signalen': { access: 'manager' },
	'/beheer/teams': { access: 'manager' },
	'/beheer/uitnodigingen': { access: 'manager' },
	// LTI 1.3: the LMS posts cross-site to login and launch; an empty or partial request gets
	// the calm Dutch refusal page (400), never a session.
	'/lti/jwks.json': { access: 'public' },
	'/lti/login': {
		access: 'public',
		except: {
			page: Object.fromEntries(roles.map((r) => [r, badRequest])),
			data: Object.fromEntries(roles.map((r) => [r, badRequest]))
		},
		publicActions: { default: badRequest }
	},
	'/lti/launch': { access: 'public', publicActions: { default: badRequest } },
	'/lti/kiezen': { access: 'public', publicActions: { default: badRequest } },
	'/admin': { access: 'admin' },
	'/admin/accounts': { access: 'admin' },
	'/admin/accounts/[id]': { access: 'admin' },
	'/admin/audit': { access: 'admin' },
	'/admin/certificaten': { access: 'admin' },
	'/admin/mail': { access: 'admin' },
	'/admin/organisaties': { access: 'admin' },
	'/admin/organisaties/[id=id]/aanmelding': { access: 'admin' },
	'/admin/lti': { access: 'admin' },
	'/admin/uitnodigingen': { access: 'admin' }
};

function concrete(routeId: string, values: Awaited<ReturnType<typeof ids>>): string {
	const params: Record<string, string> = {
		wellKnown: '.well-known',
		// The pre-test page exists only for a module with a pre-test.
		module: routeId.endsWith('/voortoets') ? 'signalen-op-school' : 'wat-en-hoe',
		step: routeId.startsWith('/auteur/concepten') ? values.draftStep : 'wat-is-een-tienerpooier',
		draft: values.draft,
		token: 'bestaat-niet-0123456789abcdef',
		code: 'ONBEKEND-0000',
		version: values.shippedVersion,
		id: routeId.startsWith('/certificaten')
			? values.otherCertificate
			: routeId.startsWith('/admin/organisaties')
				? '1'
				: String(values.learnerA),
		provider: '1'
	};
	// The editor numbers steps and questions from 1; questions live in the first quiz step.
	if (routeId.includes('/stappen/')) {
		Object.assign(params, {
			step: routeId.includes('/vragen/') ? values.draftQuizStep : '1',
			item: '1'
		});
	}
	return routeId.replace(/\[(\w+)(?:=\w+)?\]/g, (_, name: string) => {
		if (!(name in params)) throw new Error(`${routeId}: no value for [${name}]`);
		return params[name];
	});
}

interface Probe {
	routeId: string;
	kind: Kind;
	method: string;
	/** Action name or endpoint method, for the label. */
	name?: string;
}

/** Every page, data file, named action and endpoint method under src/routes. */
function routeTree(): Probe[] {
	const root = path.resolve('src/routes');
	const probes: Probe[] = [];
	const walk = (dir: string) => {
		const files = fs.readdirSync(dir, { withFileTypes: true });
		const rel = path.relative(root, dir).split(path.sep).join('/');
		const routeId = '/' + rel.replace(/(^|\/)\([^)]+\)/g, '');
		const names = new Set(files.filter((f) => f.isFile()).map((f) => f.name));
		if (names.has('+page.svelte')) {
			probes.push({ routeId, kind: 'page', method: 'GET' });
			probes.push({ routeId, kind: 'data', method: 'GET' });
		}
		let hasActions = false;
		if (names.has('+page.server.ts')) {
			let source = fs.readFileSync(path.join(dir, '+page.server.ts'), 'utf8');
			// A route that re-exports another route's actions (`export { actions } from '…'`).
			const reexport = source.match(/export \{[^}]*\bactions\b[^}]*\} from '([^']+)'/);
			if (reexport) source = fs.readFileSync(path.resolve(dir, `${reexport[1]}.ts`), 'utf8');
			const block = source.match(/export const actions[^=]*=\s*\{([\s\S]*?)\n\};/);
			if (block) {
				for (const [, name] of block[1].matchAll(/^\t(\w+):/gm)) {
					hasActions = true;
					probes.push({ routeId, kind: 'action', method: 'POST', name });
				}
			}
		}
		// A page without actions refuses a POST with 405, never a 200 or 500.
		if (names.has('+page.svelte') && !hasActions) {
			probes.push({ routeId, kind: 'method', method: 'POST', name: 'no actions' });
		}
		if (names.has('+server.ts')) {
			const source = fs.readFileSync(path.join(dir, '+server.ts'), 'utf8');
			const exported = [
				...source.matchAll(
					/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g
				)
			].map((m) => m[1]);
			for (const method of exported) {
				probes.push({ routeId, kind: 'endpoint', method, name: method });
			}
			// And a method the endpoint does not export gets 405.
			const other = ['DELETE', 'PUT', 'PATCH'].find((m) => !exported.includes(m))!;
			probes.push({ routeId, kind: 'method', method: other, name: 'not exported' });
		}
		for (const f of files) if (f.isDirectory()) walk(path.join(dir, f.name));
	};
	walk(root);
	return probes;
}

function allowed(access: Access, role: Role): boolean {
	if (access === 'public' || access === 'guest') return true;
	if (role === 'anonymous') return false;
	if (access === 'signedIn') return true;
	return accounts[role].roles.includes(access);
}

/** The outcome a probe should have, or null when it must not be exercised for this role. */
function expected(probe: Probe, row: Row, role: Role): Outcome | null {
	const override = row.except?.[probe.kind]?.[role];
	if (override) return override;
	const may = allowed(row.access, role);
	switch (probe.kind) {
		case 'page':
			if (row.access === 'guest' && role !== 'anonymous') return { status: 303 };
			if (may) return ok;
			return role === 'anonymous' ? toSignIn : forbidden;
		case 'data':
			// A data request is told where to go in a 200 JSON body rather than with a 303.
			if (may) return ok;
			return role === 'anonymous' ? ok : forbidden;
		case 'action':
			if (row.access === 'public' || row.access === 'guest') {
				if (role !== 'anonymous') return null;
				const outcome = row.publicActions?.[probe.name!];
				if (!outcome) throw new Error(`${probe.routeId}: no outcome for action ${probe.name}`);
				return outcome;
			}
			// The allowed role is never made to act: that would change the demo data.
			if (may) return null;
			return role === 'anonymous' ? unauthorised : forbidden;
		case 'method':
			// The area check comes first: strangers to the area never learn which methods exist.
			if (may) return notAllowed;
			return role === 'anonymous' ? unauthorised : forbidden;
		case 'endpoint':
			if (probe.method !== 'GET') {
				if (role !== 'anonymous' && may) return null;
				if (may) return null;
				return role === 'anonymous' ? unauthorised : forbidden;
			}
			if (may) return ok;
			return role === 'anonymous' ? toSignIn : forbidden;
	}
}

const probes = routeTree();

test('every route in src/routes is classified in the access matrix', () => {
	expect(probes.length).toBeGreaterThan(60);
	const unclassified = [...new Set(probes.map((p) => p.routeId))].filter((id) => !(id in table));
	expect(unclassified, 'routes without a row in the access table').toEqual([]);
	const stale = Object.keys(table).filter((id) => !probes.some((p) => p.routeId === id));
	expect(stale, 'rows for routes that no longer exist').toEqual([]);
});

async function contextFor(role: Role, baseURL: string): Promise<APIRequestContext> {
	const context = await playwrightRequest.newContext({ baseURL });
	if (role === 'anonymous') return context;
	const response = await context.post('/aanmelden', {
		form: { email: accounts[role].email, password: demoPassword },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `sign-in as ${role}`).toBe(303);
	return context;
}

for (const role of roles) {
	test(`access matrix as ${role}`, async ({ baseURL, e2eServer }) => {
		const base = baseURL!;
		const values = await ids(e2eServer);
		const context = await contextFor(role, base);
		const failures: string[] = [];
		try {
			for (const probe of probes) {
				const row = table[probe.routeId];
				if (!row) continue; // reported by the classification test
				const want = expected(probe, row, role);
				if (!want) continue;
				const url = concrete(probe.routeId, values);
				const label = `${probe.kind} ${probe.method} ${url}${probe.name ? ` (${probe.name})` : ''}`;
				let response;
				if (probe.kind === 'page') {
					response = await context.get(url, { headers: { accept: 'text/html' }, maxRedirects: 0 });
				} else if (probe.kind === 'data') {
					const dataUrl = (url === '/' ? '' : url) + '/__data.json';
					response = await context.get(dataUrl, { maxRedirects: 0 });
				} else if (
					probe.kind === 'action' ||
					(probe.kind === 'method' && probe.method === 'POST')
				) {
					const target =
						probe.kind === 'method' || probe.name === 'default' ? url : `${url}?/${probe.name}`;
					response = await context.post(target, {
						data: '',
						headers: {
							origin: base,
							'content-type': 'application/x-www-form-urlencoded',
							accept: 'text/html'
						},
						maxRedirects: 0
					});
				} else {
					response = await context.fetch(url, {
						method: probe.method,
						headers: { origin: base },
						maxRedirects: 0
					});
				}
				let status = response.status();
				if (probe.kind === 'data' && status === 200) {
					// A load that throws still answers 200; the error and its status are in the body.
					const failed = (await response.text()).match(/"type":"error".*?"status":(\d+)/);
					if (failed) status = Number(failed[1]);
				}
				const location = response.headers()['location'] ?? '';
				if (status !== want.status) {
					failures.push(`${label}: expected ${want.status}, got ${status} ${location}`);
				} else if (want.location && !want.location.test(location)) {
					failures.push(`${label}: redirected to ${location}, expected ${want.location}`);
				}
				if (probe.kind === 'data' && role === 'anonymous' && !allowed(row.access, role)) {
					// The data request of a protected page only says where to sign in.
					const body = await response.text();
					if (!body.includes('"type":"redirect"') || !body.includes('/aanmelden')) {
						failures.push(`${label}: data leaked to an anonymous caller: ${body.slice(0, 120)}`);
					}
				}
			}
		} finally {
			await context.dispose();
		}
		expect(failures, `access matrix as ${role}`).toEqual([]);
	});
}
