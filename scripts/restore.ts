// `npm run restore -- FILE`: checks FILE with PRAGMA integrity_check and, only when it is sound,
// puts it in place of DATABASE_URL. Stop the server first: it must not hold the old file open.
import { restoreDatabase } from '$lib/server/platform/backup';
import { config } from '$lib/server/platform/config';
import { sqliteFileOf } from '$lib/server/db/engine';

if (sqliteFileOf(config.databaseUrl) === undefined) {
	console.error(
		'npm run restore puts an SQLite backup in place; DATABASE_URL names a PostgreSQL database.\n' +
			'Restore PostgreSQL with its own tools, e.g. pg_restore from a pg_dump file (see docs/operations.md, "Running on PostgreSQL").'
	);
	process.exit(2);
}

const file = process.argv[2];
if (!file || file.startsWith('-')) {
	console.error('usage: npm run restore -- path/to/backup.db   (stop the server first)');
	process.exit(2);
}
console.log(`Restoring ${file} to ${config.databaseUrl}. The server must be stopped.`);
const result = restoreDatabase(file, config.databaseUrl);
if (!result.ok) {
	console.error(`Refused: ${file} failed the integrity check: ${result.reason}`);
	process.exit(1);
}
if (result.previous) console.log(`The previous database is kept as ${result.previous}.`);
console.log('Restore complete. Start the server again; pending migrations run at start.');
