// `npm run retention`: removes accounts inactive longer than RETENTION_INACTIVE_DAYS, audit
// events older than RETENTION_AUDIT_DAYS and mail older than RETENTION_MAIL_DAYS, and forgets
// old failed-attempt counts. Run daily. Runs once when started on two servers at once.
import { config } from '$lib/server/platform/config';
import { closeDatabase, openDatabase, runExclusive } from '$lib/server/db';
import { retentionPolicy, runRetention } from '$lib/server/privacy';
import { forgetOldThrottles } from '$lib/server/accounts/auth/throttle';

await openDatabase(config.databaseUrl, { migrationsDir: config.migrationsDir });
try {
	const run = await runExclusive('retention', async () => {
		const policy = retentionPolicy();
		const report = await runRetention(policy);
		const throttles = await forgetOldThrottles();
		console.log(
			`Retention (${policy.inactiveDays}/${policy.auditDays}/${policy.mailDays} days): ` +
				`${report.accounts} accounts, ${report.auditEvents} audit events, ${report.mails} mails, ` +
				`${report.sessions} expired sessions, ${report.resets} reset links, ` +
				`${throttles} old throttle counts removed.`
		);
	});
	if (!run.ran) console.log('Retention skipped: it is already running on another server.');
} finally {
	await closeDatabase();
}
