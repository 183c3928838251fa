// Demo data for the manager view: assignments for both demo organisations and some learning
// history for the twenty extra demo learners, so Els Wouters sees a living dashboard. The named
// demo accounts (Lotte, Nina, Sam) are left alone: their progress comes from the player.
import { sql } from 'drizzle-orm';
import { db } from '../db';
import { assignment, certificate, enrolment, signalMastery } from '../db/schema';
import { latestVersionId } from '../catalogue';
import { getCourse } from '../course';
import { randomToken } from '../auth/tokens';

const day = 24 * 3600 * 1000;

function organisationId(name: string): number | undefined {
	return db.get<{ id: number } | undefined>(sql`select id from organisation where name = ${name}`)
		?.id;
}

/** Assigns signalen-op-school to Sint-Jansschool (due in 30 days) and the care module to Horizon. */
export function seedDemoAssignments(now = Date.now()): void {
	const school = organisationId('Sint-Jansschool (demo)');
	const horizon = organisationId('Jeugdhulp Horizon (demo)');
	const manager = (email: string) =>
		db.get<{ id: number } | undefined>(sql`select id from user where email = ${email}`)?.id ?? null;
	if (school) {
		db.insert(assignment)
			.values({
				organisationId: school,
				moduleSlug: 'signalen-op-school',
				target: 'organisation',
				dueAt: new Date(now + 30 * day),
				createdBy: manager('manager@demo.signaalwijs.be')
			})
			.run();
	}
	if (horizon) {
		db.insert(assignment)
			.values({
				organisationId: horizon,
				moduleSlug: 'signalen-in-de-hulpverlening',
				target: 'organisation',
				dueAt: new Date(now + 45 * day),
				createdBy: manager('manager@horizon.demo.signaalwijs.be')
			})
			.run();
	}
}

/**
 * Enrolments spread over the last months, certificates (a few expiring soon) and signal mastery
 * for the extra demo learners. Deterministic, so screenshots and tests stay stable.
 */
export function seedDemoActivity(now = Date.now()): void {
	const learners = db.all<{ id: number; email: string; organisation: string }>(
		sql`select u.id, u.email, o.name as organisation from user u
			join membership m on m.user_id = u.id and m.role = 'learner'
			join organisation o on o.id = m.organisation_id
			where u.email like '%@sint-jans.demo.signaalwijs.be'
				or u.email like '%@horizon.demo.signaalwijs.be'
			order by u.id`
	);
	const signals = getCourse().signals;
	db.$client.transaction(() => {
		learners.forEach((learner, i) => {
			const slug = learner.organisation.startsWith('Sint-Jans')
				? 'signalen-op-school'
				: 'signalen-in-de-hulpverlening';
			const versionId = latestVersionId(slug);
			if (!versionId) return;
			const started = now - (300 - i * 12) * day;
			const state = i % 4; // 0, 1: completed; 2: in progress; 3: not started
			if (state === 3) return;
			const completedAt = state < 2 ? started + (10 + i) * day : null;
			db.insert(enrolment)
				.values({
					userId: learner.id,
					moduleVersionId: versionId,
					moduleSlug: slug,
					status: completedAt ? 'completed' : 'in_progress',
					stepsDone: completedAt ? 6 : 1 + (i % 4),
					stepsTotal: 6,
					startedAt: new Date(started),
					updatedAt: new Date(completedAt ?? now - i * day),
					completedAt: completedAt ? new Date(completedAt) : null
				})
				.run();
			if (completedAt) {
				// Two of them expire within the next 60 days, one has expired already.
				const expiresAt =
					i === 0
						? now - 5 * day
						: i === 1 || i === 4
							? now + (20 + i) * day
							: completedAt + 730 * day;
				db.insert(certificate)
					.values({
						code: randomToken(32),
						userId: learner.id,
						moduleSlug: slug,
						moduleVersionId: versionId,
						issuedAt: new Date(completedAt),
						expiresAt: new Date(expiresAt)
					})
					.run();
			}
			signals.slice(0, 12).forEach((signal, s) => {
				const seen = 2 + ((i + s) % 3);
				db.insert(signalMastery)
					.values({
						userId: learner.id,
						signalId: signal.id,
						seen,
						correct: Math.min(seen, (i * 7 + s * 3) % (seen + 1)),
						updatedAt: new Date(now - i * day)
					})
					.onConflictDoNothing()
					.run();
			});
		});
	})();
}
