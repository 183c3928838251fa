// `npm run jobs`: the periodic work, meant for cron (e.g. daily at 07:00). Queues the certificate
// expiry reminders that are due, delivers pending mail and sends queued LMS scores (LTI). Safe to
// run from two machines or twice at once: each reminder is claimed by a unique row before its
// mail is queued, each score by a lease, and the whole run takes a lock (db/exclusive.ts) so a
// second run started at the same moment skips.
import { config } from '$lib/server/platform/config';
import { closeDatabase, openDatabase, runExclusive } from '$lib/server/db';
import { deliverPending, flushMail } from '$lib/server/platform/mail';
import { sendDueReminders } from '$lib/server/certificates';
import { loadShippedCourse } from '$lib/server/content/course';
import { syncShippedModules } from '$lib/server/content/versions';
import { deliverScores } from '$lib/server/lti/passback';

const nowArg = process.argv.find((a) => a.startsWith('--now='));
const now = nowArg ? new Date(nowArg.slice('--now='.length)) : new Date();
if (Number.isNaN(now.getTime())) {
	console.error('jobs: --now must be an ISO date, e.g. --now=2026-05-01T07:00:00Z');
	process.exit(2);
}

await openDatabase(config.databaseUrl, { migrationsDir: config.migrationsDir });
try {
	const run = await runExclusive('jobs', async () => {
		await syncShippedModules(loadShippedCourse());
		const reminders = await sendDueReminders(now);
		await flushMail();
		const delivered = await deliverPending();
		// LTI grade passback: scores whose back-off has passed go to the LMS grade books.
		const scores = await deliverScores({ now });
		console.log(
			`jobs ${now.toISOString()}: ${reminders} expiry reminder(s) queued, ${delivered} earlier mail(s) delivered, ${scores} LMS score(s) sent` +
				(config.smtpUrl ? '' : ' (no SMTP_URL: mail stays in the outbox)')
		);
	});
	if (!run.ran)
		console.log(`jobs ${now.toISOString()}: skipped, already running on another server`);
} finally {
	await closeDatabase();
}
