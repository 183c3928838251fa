// Which database engine this process runs on, chosen once from DATABASE_URL: a postgres:// or
// postgresql:// URL selects PostgreSQL (node-postgres), anything else is an SQLite file (the
// embedded default). Only db/ reads it: the domain layer is the same on both.
export type Engine = 'sqlite' | 'postgres';

export function engineOf(url: string | undefined): Engine {
	return url && /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

export const engine: Engine = engineOf(process.env.DATABASE_URL);

/**
 * The SQLite file a database URL names, or undefined for a PostgreSQL URL (its data lives on
 * the database server, not beside this process). `:memory:` is returned as is.
 */
export function sqliteFileOf(url: string): string | undefined {
	return engineOf(url) === 'postgres' ? undefined : url;
}

/** A database URL fit for logs: a PostgreSQL URL without its password. */
export function describeDatabaseUrl(url: string): string {
	if (engineOf(url) !== 'postgres') return url;
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return 'postgres://…';
	}
}
