// `npx tsx bench/migrate.ts <sqlite file>`: applies this version's pending migrations to a bench
// database that an earlier version made (bench/prepare.ts runs it before every bench run), so the
// server and db:copy's schema check find the current schema.
import { closeDatabase, openDatabase } from '$lib/server/db';

const file = process.argv[2];
if (!file) throw new Error('usage: npx tsx bench/migrate.ts <sqlite file>');
await openDatabase(file);
await closeDatabase();
