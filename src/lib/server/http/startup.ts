// Server start: load the shipped course, open (and migrate) the database, sync the shipped
// modules, make sure the Open Badges and LTI keys exist and start the LTI score worker. A failure stops the process with a plain
// explanation instead of serving half a platform.
import { closeDatabase, MigrationError, openDatabase, writesSettled } from '../db';
import { describeDatabaseUrl } from '../db/engine';
import { underStartLock } from '../db/start-lock';
import { config } from '../platform/config';
import { log } from '../platform/log';
import { ContentError, loadShippedCourse, syncShippedModules } from '../content';
import { ensureSigningKey } from '../certificates/openbadges';
import { startScoreWorker, stopScoreWorker, toolKey } from '../lti';
import { checkTwoFactorKey, ConfigurationError } from '../accounts/auth/secret-box';

export async function startServer(): Promise<void> {
	try {
		const course = loadShippedCourse();
		// Every server needs the same two-factor key; on PostgreSQL it must come from configuration.
		checkTwoFactorKey();
		await openDatabase(config.databaseUrl, { migrationsDir: config.migrationsDir });
		// Servers starting together on one PostgreSQL database register each version once.
		await underStartLock(() => syncShippedModules(course));
		// The Open Badges key pair is made on the first start and kept in the data folder.
		await ensureSigningKey();
		// The LTI key pair likewise; the worker sends queued scores to the LMS grade books.
		await toolKey();
		startScoreWorker();
	} catch (cause) {
		const message =
			cause instanceof MigrationError ||
			cause instanceof ContentError ||
			cause instanceof ConfigurationError
				? cause.message
				: `Cannot open the database: ${String(cause)}`;
		console.error(`\nSignaalwijs did not start.\n${message}\n`);
		process.exit(1);
	}
	process.once('sveltekit:shutdown', () => {
		stopScoreWorker();
		// Answers already queued for the group commit still commit (their learners may have left).
		void writesSettled().then(closeDatabase);
	});
	log.info('server.ready', { database: describeDatabaseUrl(config.databaseUrl) });
}
