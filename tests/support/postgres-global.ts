// Vitest global set-up for the domain specs on PostgreSQL (`npm run test:unit:postgres`): one
// throwaway server for the whole run, its URL in DATABASE_URL before the workers start, so
// db/engine.ts selects PostgreSQL in every worker and each `freshDatabase()` clones a migrated
// template database (db/postgres/open.ts). Stopped and removed at the end.
import { startPostgres, type ThrowawayPostgres } from './postgres';

let server: ThrowawayPostgres | undefined;

export async function setup(): Promise<void> {
	server = await startPostgres({ durable: false });
	process.env.DATABASE_URL = await server.createDatabase('signaalwijs');
}

export function teardown(): void {
	server?.stop();
}
