// Runtime configuration from the environment, read in one place so scripts and the server agree.
import path from 'node:path';

function env(name: string): string | undefined {
	const value = process.env[name];
	return value === undefined || value === '' ? undefined : value;
}

export const config = {
	get databaseUrl() {
		return env('DATABASE_URL') ?? './data/signaalwijs.db';
	},
	/** Files the platform keeps beside the database (the Open Badges signing key). */
	get dataDir() {
		const explicit = env('DATA_DIR');
		if (explicit) return path.resolve(explicit);
		const url = this.databaseUrl;
		return url === ':memory:' ? path.resolve('data') : path.dirname(path.resolve(url));
	},
	get migrationsDir() {
		return path.resolve(env('MIGRATIONS_DIR') ?? './drizzle');
	},
	get modulesDir() {
		return env('MODULES_DIR') ?? './modules';
	},
	get origin() {
		return (env('ORIGIN') ?? 'http://localhost:3000').replace(/\/+$/, '');
	},
	get smtpUrl() {
		return env('SMTP_URL');
	},
	get mailFrom() {
		return env('MAIL_FROM') ?? 'Signaalwijs <no-reply@signaalwijs.be>';
	},
	get requireStaff2fa() {
		return env('REQUIRE_STAFF_2FA') !== 'false';
	},
	get isProduction() {
		return process.env.NODE_ENV === 'production';
	}
};
