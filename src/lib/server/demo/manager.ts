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
	const assigned = [
		{
			org: school,
			slug: 'signalen-op-school',
			days: 30,
			by: 'manager@demo.signaalwijs.be'
		},
		{
			org: horizon,
			slug: 'signalen-in-de-hulpverlening',
			days: 45,
			by: 'manager@horizon.demo.signaalwijs.be'
		}
	];
	for (const { org, slug, days, by } of assigned) {
		if (!org) continue;
		await db.insert(assignment).values({
			organisationId: org,
			moduleSlug: slug,
			target: 'organisation',
			dueAt: new Date(now + days * day),
			createdBy: await manager(by)
		});
	}
}
