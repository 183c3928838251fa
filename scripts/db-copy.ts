// `npm run db:copy -- --from <sqlite file> --to postgres://…`: copies a platform's SQLite data
// into an empty PostgreSQL database (see src/lib/server/db/postgres/copy.ts and
// docs/operations.md, "PostgreSQL (in progress)").
import { parseArgs } from 'node:util';
import { CopyError, copySqliteToPostgres, formatCounts } from '$lib/server/db/postgres/copy';

const usage = 'Usage: npm run db:copy -- --from <sqlite file> --to postgres://user@host:port/db';

let values: { from?: string; to?: string; batch?: string };
try {
	({ values } = parseArgs({
		options: { from: { type: 'string' }, to: { type: 'string' }, batch: { type: 'string' } }
	}));
} catch (error) {
	console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
	process.exit(2);
}
if (!values.from || !values.to) {
	console.error(usage);
	process.exit(2);
}

const started = Date.now();
try {
	const counts = await copySqliteToPostgres({
		from: values.from,
		to: values.to,
		batchSize: values.batch ? Number(values.batch) : undefined,
		log: (line) => console.error(line)
	});
	console.log(formatCounts(counts));
	const rows = counts.reduce((sum, c) => sum + c.postgres, 0);
	console.log(`Copied ${rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
	if (error instanceof CopyError) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}
