// Which database engine this process runs on, chosen once from DATABASE_URL: a postgres:// or
// postgresql:// URL selects PostgreSQL (node-postgres), anything else is an SQLite file (the
// embedded default). Only db/ reads it: the domain layer is the same on both.
export type Engine = 'sqlite' | 'postgres';

export function engineOf(url: string | undefined): Engine {
	return url && /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

export const engine: Engine = engineOf(process.env.DATABASE_URL);
