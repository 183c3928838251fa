// Liveness: the database answers a trivial query.
import { sql } from 'drizzle-orm';
import { sqlFirst } from '../db';

export async function checkHealth(): Promise<boolean> {
	try {
		return Number((await sqlFirst<{ ok: number }>(sql`select 1 as ok`)).ok) === 1;
	} catch {
		return false;
	}
}
