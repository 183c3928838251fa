// Test support for server specs: a fresh database with the real migrations, and factories.
import path from 'node:path';
import { db, openDatabase, type DB } from './db';
import { user } from './db/schema';
import { clearVersionCache } from './catalogue';
import { hashPassword } from './auth/password';
import { addMembership, createOrganisation } from './organisations';
import type { Audience, Role } from './db/schema';

export function freshDatabase(url = ':memory:'): DB {
	clearVersionCache();
	return openDatabase(url, { migrationsDir: path.resolve('drizzle') });
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
		db
			.insert(user)
			.values({
				email,
				name: input.name ?? `Persoon ${sequence}`,
				passwordHash: await hashes.get(password)!,
				isAdmin: input.isAdmin ?? false
			})
			.run().lastInsertRowid
	);
	return { id, email, password };
}

export function makeOrganisation(name = `Organisatie ${++sequence}`): number {
	return createOrganisation(name);
}

export async function makeMember(input: {
	organisation: number;
	role?: Role;
	audience?: Audience;
	email?: string;
}): Promise<{ id: number; email: string; password: string }> {
	const created = await makeUser({ email: input.email });
	addMembership({
		userId: created.id,
		organisationId: input.organisation,
		role: input.role ?? 'learner',
		audience: input.audience ?? 'leerkracht'
	});
	return created;
}
