// Demo data for the manager view: assignments for both demo organisations and some learning
// history for the twenty extra demo learners, so Els Wouters sees a living dashboard. The named
// demo accounts (Lotte, Nina, Sam) are left alone: their progress comes from the player.
import { eq } from 'drizzle-orm';
import { db, first } from '../db';
import { assignment, organisation, user } from '../db/schema';

const day = 24 * 3600 * 1000;

async function organisationId(name: string): Promise<number | undefined> {
	return (
		await first(
			db.select({ id: organisation.id }).from(organisation).where(eq(organisation.name, name))
		)
	)?.id;
}

/** Assigns signalen-op-school to Sint-Jansschool (due in 30 days) and the care module to Horizon. */
export async function seedDemoAssignments(now = Date.now()): Promise<void> {
	const school = await organisationId('Sint-Jansschool (demo)');
	const horizon = await organisationId('Jeugdhulp Horizon (demo)');
	const manager = async (email: string) =>
		(await first(db.select({ id: user.id }).from(user).where(eq(user.email, email))))?.id ?? null;
	if (school) {
		await db.insert(assignment).values({
			organisationId: school,
			moduleSlug: 'signalen-op-school',
			target: 'organisation',
			dueAt: new Date(now + 30 * day),
			createdBy: await manager('manager@demo.signaalwijs.be')
		});
	}
	if (horizon) {
		await db.insert(assignment).values({
			organisationId: horizon,
			moduleSlug: 'signalen-in-de-hulpverlening',
			target: 'organisation',
			dueAt: new Date(now + 45 * day),
			createdBy: await manager('manager@horizon.demo.signaalwijs.be')
		});
	}
}
