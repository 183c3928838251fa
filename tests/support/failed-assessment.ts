// `npx tsx tests/support/failed-assessment.ts <database> <email>`: the account works through every
// step of module 1 before the final assessment and fails that assessment now, with the real
// progress functions on the e2e server's database (retakes.e2e.ts then checks the cool-down).
import { closeDatabase, openDatabase } from '$lib/server/db';
import { findUserByEmail } from '$lib/server/accounts/access';
import { getCourse } from '$lib/server/content/course';
import { takeAssessment, workThrough } from '$lib/server/demo/walkthrough';

const [database, email] = process.argv.slice(2);
const slug = 'wat-en-hoe';
await openDatabase(database);
const user = await findUserByEmail(email);
if (!user) throw new Error(`no account ${email}`);
const steps = getCourse().moduleBySlug.get(slug)!.steps;
const assessment = steps.find((s) => s.meta.kind === 'assessment')!;
await workThrough(user.id, slug, steps.indexOf(assessment));
const outcome = await takeAssessment(user.id, slug, assessment.slug, false);
if (outcome.passed) throw new Error('the attempt was meant to fail');
await closeDatabase();
