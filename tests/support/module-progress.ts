// `npx tsx tests/support/module-progress.ts <database> <email> <steps|failed-assessment|used-attempts>`:
// the account works through the first `steps` steps of module 1 with the real progress functions
// on the e2e server's database; with `failed-assessment` through every step before the final
// assessment, and then fails that assessment now; with `used-attempts` it fails it as often as
// the platform allows (the e2e server has no cool-down between attempts). Run it with the server's environment
// (`moduleProgress` in e2e-server.ts), so a postgres:// URL opens PostgreSQL. learner.e2e.ts goes
// on from there by keyboard; retakes.e2e.ts checks the cool-down after the fail.
import { closeDatabase, openDatabase } from '$lib/server/db';
import { findUserByEmail } from '$lib/server/accounts/access';
import { getCourse } from '$lib/server/content/course';
import { takeAssessment, workThrough } from '$lib/server/demo/walkthrough';
import { config } from '$lib/server/platform/config';

const [database, email, point] = process.argv.slice(2);
const slug = 'wat-en-hoe';
const steps = getCourse().moduleBySlug.get(slug)!.steps;
const assessment = steps.find((s) => s.meta.kind === 'assessment')!;
const failures =
	point === 'failed-assessment' ? 1 : point === 'used-attempts' ? config.assessmentMaxAttempts : 0;
const failAssessment = failures > 0;
const count = failAssessment ? steps.indexOf(assessment) : Number(point);
if (!Number.isInteger(count) || count < 0 || count > steps.length) {
	throw new Error(
		`point ${point}: a number of steps (0-${steps.length}), failed-assessment or used-attempts`
	);
}
await openDatabase(database);
const user = await findUserByEmail(email);
if (!user) throw new Error(`no account ${email}`);
await workThrough(user.id, slug, count);
for (let i = 0; i < failures; i++) {
	const outcome = await takeAssessment(user.id, slug, assessment.slug, false);
	if (outcome.passed) throw new Error('the attempt was meant to fail');
}
await closeDatabase();
