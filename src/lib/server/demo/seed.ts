// Demo data for `npm run demo` and the end-to-end tests: two organisations, teams and accounts
// for every role. Never run on a plain production start.
import { db, first, transaction } from '../db';
import { user } from '../db/schema';
import { hashPassword } from '../accounts/auth/password';
import { addMembership, createOrganisation } from '../organisations/organisations';
import { createTeam as createAuditedTeam } from '../organisations/teams';
import { findUserByEmail } from '../accounts/access';
import { takePretest, workThrough } from './walkthrough';

export const demoPassword = 'Signaalwijs-demo-2026';

export const demoAccounts = {
	teacher: 'leerkracht@demo.signaalwijs.be',
	newTeacher: 'nieuw@demo.signaalwijs.be',
	caregiver: 'hulpverlener@demo.signaalwijs.be',
	trainer: 'trainer@demo.signaalwijs.be',
	manager: 'manager@demo.signaalwijs.be',
	horizonManager: 'manager@horizon.demo.signaalwijs.be',
	admin: 'admin@demo.signaalwijs.be'
} as const;

const schoolLearners: [name: string, team: string][] = [
	['Yasmine El Amrani', 'Eerste graad'],
	['Pieter De Smet', 'Eerste graad'],
	['Anouk Vermeulen', 'Eerste graad'],
	['Bram Claeys', 'Tweede graad'],
	['Fatima Ouali', 'Tweede graad'],
	['Jonas Willems', 'Tweede graad'],
	['Sofie Goossens', 'Derde graad'],
	['Kevin Mertens', 'Derde graad'],
	['Hanne Jacobs', 'Derde graad'],
	['Emre Yilmaz', 'Derde graad'],
	['Ilse Van Damme', 'Tweede graad']
];

const horizonLearners: [name: string, team: string][] = [
	['Lien Dubois', 'Leefgroep De Brug'],
	['Mehdi Benali', 'Leefgroep De Brug'],
	['Griet Lambrecht', 'Leefgroep De Brug'],
	['Thomas Hermans', 'Leefgroep De Brug'],
	['Amina Diallo', 'Mobiele begeleiding'],
	['Wout Peeters', 'Mobiele begeleiding'],
	['Charlotte Maes', 'Mobiele begeleiding'],
	['Dries Van den Broeck', 'Mobiele begeleiding'],
	['Nadia Haddou', 'Mobiele begeleiding']
];

function emailFor(name: string, domain: string): string {
	const local = name
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z ]/g, '')
		.trim()
		.replace(/\s+/g, '.');
	return `${local}@${domain}`;
}

export async function isEmpty(): Promise<boolean> {
	return (await first(db.select({ id: user.id }).from(user).limit(1))) === undefined;
}

/** Creates the demo organisations and accounts; returns false when the database had users. */
export async function seedDemo(): Promise<boolean> {
	if (!(await isEmpty())) return false;
	const passwordHash = await hashPassword(demoPassword);
	const addUser = async (
		email: string,
		name: string,
		extra: Partial<typeof user.$inferInsert> = {}
	) =>
		Number(
			(
				await db
					.insert(user)
					.values({ email, name, passwordHash, ...extra })
					.returning({ id: user.id })
			)[0]?.id
		);

	await transaction(async () => {
		const school = await createOrganisation('Sint-Jansschool (demo)');
		const horizon = await createOrganisation('Jeugdhulp Horizon (demo)');
		const teams = new Map<string, number>();
		for (const name of ['Eerste graad', 'Tweede graad', 'Derde graad']) {
			teams.set(name, await teamId(school, name));
		}
		for (const name of ['Leefgroep De Brug', 'Mobiele begeleiding']) {
			teams.set(name, await teamId(horizon, name));
		}

		const learner = async (
			id: number,
			organisationId: number,
			audience: 'leerkracht' | 'hulpverlener',
			team: string
		) =>
			await addMembership({
				userId: id,
				organisationId,
				role: 'learner',
				audience,
				teamId: teams.get(team)
			});

		await learner(
			await addUser(demoAccounts.teacher, 'Lotte Janssens'),
			school,
			'leerkracht',
			'Tweede graad'
		);
		await learner(
			await addUser(demoAccounts.newTeacher, 'Nina Claes'),
			school,
			'leerkracht',
			'Eerste graad'
		);
		await learner(
			await addUser(demoAccounts.caregiver, 'Sam Peeters'),
			horizon,
			'hulpverlener',
			'Leefgroep De Brug'
		);
		await addMembership({
			userId: await addUser(demoAccounts.trainer, 'Tom Verbeke'),
			organisationId: school,
			role: 'trainer'
		});
		await addMembership({
			userId: await addUser(demoAccounts.manager, 'Els Wouters'),
			organisationId: school,
			role: 'manager'
		});
		await addMembership({
			userId: await addUser(demoAccounts.horizonManager, 'Koen Maes'),
			organisationId: horizon,
			role: 'manager'
		});
		await addUser(demoAccounts.admin, 'Admin Demo', { isAdmin: true });

		for (const [name, team] of schoolLearners) {
			await learner(
				await addUser(emailFor(name, 'sint-jans.demo.signaalwijs.be'), name),
				school,
				'leerkracht',
				team
			);
		}
		for (const [name, team] of horizonLearners) {
			await learner(
				await addUser(emailFor(name, 'horizon.demo.signaalwijs.be'), name),
				horizon,
				'hulpverlener',
				team
			);
		}
	});
	await seedDemoProgress();
	return true;
}

const day = 24 * 3600 * 1000;

/**
 * Progress that makes the demo alive, recorded through the real progress functions: Lotte has
 * completed module 1 and is halfway module 2, Sam is halfway module 3, Nina has nothing, and a
 * few colleagues are at different points so the manager's overview has something to show.
 */
export async function seedDemoProgress(now = Date.now()): Promise<void> {
	const id = async (email: string) => (await findUserByEmail(email))!.id;
	await workThrough(await id(demoAccounts.teacher), 'wat-en-hoe', undefined, now - 21 * day);
	await workThrough(await id(demoAccounts.teacher), 'signalen-op-school', 4, now - 2 * day);
	await workThrough(
		await id(demoAccounts.caregiver),
		'signalen-in-de-hulpverlening',
		4,
		now - 3 * day
	);
	// Colleagues: the assigned module completed over the last ten months (one certificate close
	// to expiry, one already expired), in progress or not started; module 1 for some.
	const colleagues = [...schoolLearners, ...horizonLearners];
	for (const [i, [name]] of colleagues.entries()) {
		const school = i < schoolLearners.length;
		const userId = await id(
			emailFor(name, school ? 'sint-jans.demo.signaalwijs.be' : 'horizon.demo.signaalwijs.be')
		);
		const assigned = school ? 'signalen-op-school' : 'signalen-in-de-hulpverlening';
		const wrongEvery = 2 + (i % 4);
		// The assigned module: completed over the last ten months, in progress, or not started
		// (i % 4 === 3). Whoever starts it takes its pre-test first (0 to 2 of 4 right), so the
		// trainer's statistics show a real mean learning gain.
		const plan =
			i === 1
				? { at: now - 710 * day, steps: undefined }
				: i % 4 < 2
					? { at: now - (300 - i * 14) * day, steps: undefined }
					: i % 4 === 2
						? { at: now - (i + 1) * day, steps: 2 + (i % 5) }
						: null;
		if (plan) {
			await takePretest(userId, assigned, i % 4, plan.at - 3600 * 1000);
			await workThrough(userId, assigned, plan.steps, plan.at, wrongEvery);
		}
		// Yasmine (0) keeps exactly one certificate: the end-to-end tests revoke it.
		if (i === 3) await workThrough(userId, 'wat-en-hoe', undefined, now - 735 * day, wrongEvery);
		else if (i % 3 === 0 && i > 0) {
			await workThrough(userId, 'wat-en-hoe', undefined, now - (90 + i * 9) * day, wrongEvery);
		} else if (i % 3 === 1) {
			await workThrough(userId, 'wat-en-hoe', 3 + (i % 4), now - (10 - (i % 7)) * day, wrongEvery);
		}
	}
}

async function teamId(organisation: number, name: string): Promise<number> {
	const created = await createAuditedTeam(organisation, name, null);
	if (!created.ok) throw new Error(`team ${name} exists`);
	return created.id;
}
