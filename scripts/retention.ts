// `npm run retention`: removes accounts inactive longer than RETENTION_INACTIVE_DAYS, audit
// events older than RETENTION_AUDIT_DAYS and mail older than RETENTION_MAIL_DAYS. Run daily.
import { config } from '$lib/server/platform/config';
import { closeDatabase, openDatabase } from '$lib/server/db';
import { retentionPolicy, runRetention } from '$lib/server/privacy';

await openDatabase(config.databaseUrl, { migrationsDir: config.migrationsDir });
try {
	const policy = retentionPolicy();
	const report = await runRetention(policy);
	console.log(
		`Retention (${policy.inactiveDays}/${policy.auditDays}/${policy.mailDays} days): ` +
			`${report.accounts} accounts, ${report.auditEvents} audit events, ${report.mails} mails, ` +
			`${report.sessions} expired sessions, ${report.resets} reset links removed.`
	);
} finally {
	await closeDatabase();
}
