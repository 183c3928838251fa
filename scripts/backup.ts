// `npm run backup`: a consistent online backup of DATABASE_URL into BACKUP_DIR, keeping the
// newest BACKUP_KEEP files. Safe while the server runs.
import { backupDatabase } from '$lib/server/platform/backup';
import { config } from '$lib/server/platform/config';
import { sqliteFileOf } from '$lib/server/db/engine';

if (sqliteFileOf(config.databaseUrl) === undefined) {
	console.error(
		'npm run backup copies an SQLite file; DATABASE_URL names a PostgreSQL database.\n' +
			'Back PostgreSQL up with its own tools, e.g. pg_dump --format=custom (see docs/operations.md, "Running on PostgreSQL").'
	);
	process.exit(2);
}

try {
	const result = await backupDatabase(config.databaseUrl, config.backupDir, config.backupKeep);
	console.log(`Backup written: ${result.file}`);
	for (const file of result.removed) console.log(`Old backup removed: ${file}`);
} catch (cause) {
	console.error(`Backup failed: ${cause instanceof Error ? cause.message : String(cause)}`);
	process.exit(1);
}
