// `npm run jobs:assignments`: mails one reminder to every learner whose assignment is overdue and
// not completed. Safe to run as often as wanted (cron, systemd timer), on several servers at
// once: the run takes a lock (db/exclusive.ts), and each reminder is claimed by a unique row.
import { config } from '$lib/server/platform/config';
import { closeDatabase, openDatabase, runExclusive } from '$lib/server/db';
import { loadShippedCourse } from '$lib/server/content/course';
import { sendOverdueAssignmentReminders } from '$lib/server/manager/assignments';
import { deliverPending, flushMail } from '$lib/server/platform/mail';

loadShippedCourse();
await openDatabase(config.databaseUrl, { migrationsDir: config.migrationsDir });
try {
	const run = await runExclusive('assignment-reminders', async () => {
		const queued = await sendOverdueAssignmentReminders(new Date());
		await flushMail();
		// Deliver whatever is still pending (more than one batch when many reminders were queued).
		while ((await deliverPending()) > 0) {
			/* keep delivering */
		}
		return queued;
	});
	console.log(
		run.ran
			? `${run.value} overdue ${run.value === 1 ? 'reminder' : 'reminders'} queued${config.smtpUrl ? ' and sent' : ' (no SMTP_URL: kept in the outbox)'}.`
			: 'Assignment reminders skipped: they are already being sent by another server.'
	);
} finally {
	await closeDatabase();
}
