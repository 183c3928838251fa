// `npm run jobs:assignments`: mails one reminder to every learner whose assignment is overdue and
// not completed. Safe to run as often as wanted (cron, systemd timer): each reminder goes once.
import { config } from '$lib/server/platform/config';
import { closeDatabase, openDatabase } from '$lib/server/db';
import { loadShippedCourse } from '$lib/server/content/course';
import { sendOverdueAssignmentReminders } from '$lib/server/manager/assignments';
import { deliverPending, flushMail } from '$lib/server/platform/mail';

loadShippedCourse();
await openDatabase(config.databaseUrl, { migrationsDir: config.migrationsDir });
const queued = await sendOverdueAssignmentReminders(new Date());
await flushMail();
// Deliver whatever is still pending (more than one batch when many reminders were queued).
while ((await deliverPending()) > 0) {
	/* keep delivering */
}
console.log(
	`${queued} overdue ${queued === 1 ? 'reminder' : 'reminders'} queued${config.smtpUrl ? ' and sent' : ' (no SMTP_URL: kept in the outbox)'}.`
);
await closeDatabase();
