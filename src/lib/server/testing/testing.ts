// Test support for server specs: a fresh database with the real migrations, and factories.
import path from 'node:path';
import { db, openDatabase, type DB } from '../db';
import { certificate, enrolment, signalMastery, user } from '../db/schema';
import { clearVersionCache, latestVersionId, syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import { randomToken } from '../accounts/auth/tokens';
import { hashPassword } from '../accounts/auth/password';
import { addMembership, createOrganisation } from '../organisations/organisations';
import { createTeam as createAuditedTeam } from '../organisations/teams';
import type { Audience, Role } from '../db/schema';

export async function freshDatabase(url = ':memory:'): Promise<DB> {
	clearVersionCache();
	return await openDatabase(url, { migrationsDir: path.resolve('drizzle') });
}

let sequence = 0;
const hashes = new Map<string, Promise<string>>();

export const testPassword = 'een lange zin als wachtwoord';

export async function makeUser(
	input: { email?: string; name?: string; password?: string; isAdmin?: boolean } = {}
): Promise<{ id: number; email: string; password: string }> {
	sequence += 1;
	const email = input.email ?? `persoon${sequence}@test.signaalwijs.be`;
	const password = input.password ?? testPassword;
	if (!hashes.has(password)) hashes.set(password, hashPassword(password));
	const id = Number(
		(
			await db
				.insert(user)
				.values({
					email,
					name: input.name ?? `Persoon ${sequence}`,
					passwordHash: await hashes.get(password)!,
					isAdmin: input.isAdmin ?? false
				})
				.returning({ id: user.id })
		)[0]?.id
	);
	return { id, email, password };
}

export async function makeOrganisation(name = `Organisatie ${++sequence}`): Promise<number> {
	return await createOrganisation(name);
}

export async function makeMember(input: {
	organisation: number;
	role?: Role;
	audience?: Audience;
	email?: string;
}): Promise<{ id: number; email: string; password: string }> {
	const created = await makeUser({ email: input.email });
	await addMembership({
		userId: created.id,
		organisationId: input.organisation,
		role: input.role ?? 'learner',
		audience: input.audience ?? 'leerkracht'
	});
	return created;
}

/** Registers the shipped modules, so enrolments and certificates can point at a version. */
export async function syncCourse(): Promise<void> {
	await syncShippedModules(getCourse());
}

export async function makeTeam(organisation: number, name = `Team ${++sequence}`): Promise<number> {
	return await teamId(organisation, name);
}

/** A learner of an organisation, optionally in a team, with a chosen name. */
export async function makeLearner(input: {
	organisation: number;
	team?: number | null;
	name?: string;
	audience?: Audience;
	email?: string;
}): Promise<{ id: number; email: string; password: string }> {
	const created = await makeUser({ name: input.name, email: input.email });
	await addMembership({
		userId: created.id,
		organisationId: input.organisation,
		role: 'learner',
		audience: input.audience ?? 'leerkracht',
		teamId: input.team ?? null
	});
	return created;
}

/** An enrolment in the newest version of a module; completed when `completedAt` is given. */
export async function makeEnrolment(input: {
	user: number;
	module: string;
	stepsDone?: number;
	stepsTotal?: number;
	startedAt?: Date;
	updatedAt?: Date;
	completedAt?: Date | null;
}): Promise<number> {
	const versionId = await latestVersionId(input.module);
	if (!versionId)
		throw new Error(`makeEnrolment: unknown module ${input.module}; call syncCourse()`);
	const started = input.startedAt ?? new Date(Date.now() - 7 * 24 * 3600 * 1000);
	const total = input.stepsTotal ?? 4;
	return Number(
		(
			await db
				.insert(enrolment)
				.values({
					userId: input.user,
					moduleVersionId: versionId,
					moduleSlug: input.module,
					status: input.completedAt ? 'completed' : 'in_progress',
					stepsDone: input.completedAt ? total : (input.stepsDone ?? 1),
					stepsTotal: total,
					startedAt: started,
					updatedAt: input.updatedAt ?? input.completedAt ?? started,
					completedAt: input.completedAt ?? null
				})
				.returning({ id: enrolment.id })
		)[0]?.id
	);
}

export async function makeCertificate(input: {
	user: number;
	module: string;
	organisation?: number | null;
	issuedAt?: Date;
	expiresAt: Date;
	revokedAt?: Date | null;
}): Promise<number> {
	const versionId = await latestVersionId(input.module);
	if (!versionId) throw new Error(`makeCertificate: unknown module ${input.module}`);
	return Number(
		(
			await db
				.insert(certificate)
				.values({
					code: randomToken(32),
					userId: input.user,
					organisationId: input.organisation ?? null,
					moduleSlug: input.module,
					moduleVersionId: versionId,
					issuedAt: input.issuedAt ?? new Date(input.expiresAt.getTime() - 730 * 24 * 3600 * 1000),
					expiresAt: input.expiresAt,
					revokedAt: input.revokedAt ?? null
				})
				.returning({ id: certificate.id })
		)[0]?.id
	);
}

export async function makeMastery(
	user: number,
	signalId: string,
	seen: number,
	correct: number
): Promise<void> {
	await db
		.insert(signalMastery)
		.values({ userId: user, signalId, seen, correct, updatedAt: new Date() });
}

async function teamId(organisation: number, name: string): Promise<number> {
	const created = await createAuditedTeam(organisation, name, null);
	if (!created.ok) throw new Error(`team ${name} exists`);
	return created.id;
}
