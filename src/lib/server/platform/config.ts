// Runtime configuration from the environment, read in one place so scripts and the server agree.
import path from 'node:path';
import { sqliteFileOf } from '../db/engine';

function env(name: string): string | undefined {
	const value = process.env[name];
	return value === undefined || value === '' ? undefined : value;
}

/** A positive whole number from the environment; anything else is a configuration error. */
function days(name: string, fallback: number): number {
	const value = env(name);
	if (value === undefined) return fallback;
	if (!/^[1-9][0-9]{0,5}$/.test(value)) {
		throw new Error(`${name} must be a whole number of at least 1, not "${value}"`);
	}
	return Number(value);
}

/** A whole number from 0 from the environment (0 turns a wait off). */
function wholeNumber(name: string, fallback: number): number {
	const value = env(name);
	if (value === undefined) return fallback;
	if (!/^[0-9]{1,7}$/.test(value)) {
		throw new Error(`${name} must be a whole number of at least 0, not "${value}"`);
	}
	return Number(value);
}

export const config = {
	get databaseUrl() {
		return env('DATABASE_URL') ?? './data/signaalwijs.db';
	},
	/** Files the platform keeps beside the database (the Open Badges signing key). */
	get dataDir() {
		const explicit = env('DATA_DIR');
		if (explicit) return path.resolve(explicit);
		// Beside the SQLite file; on PostgreSQL (no local file) ./data, unless DATA_DIR says.
		const file = sqliteFileOf(this.databaseUrl);
		return file === undefined || file === ':memory:'
			? path.resolve('data')
			: path.dirname(path.resolve(file));
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
	/** 32 bytes as 64 hex characters; without it a key file beside the database is used. */
	get twoFactorKey() {
		return env('TWO_FACTOR_KEY');
	},
	/** A file holding TWO_FACTOR_KEY (e.g. a mounted secret); every server reads the same one. */
	get twoFactorKeyFile() {
		return env('TWO_FACTOR_KEY_FILE');
	},
	get retentionInactiveDays() {
		return days('RETENTION_INACTIVE_DAYS', 3 * 365);
	},
	get retentionAuditDays() {
		return days('RETENTION_AUDIT_DAYS', 2 * 365);
	},
	get retentionMailDays() {
		return days('RETENTION_MAIL_DAYS', 90);
	},
	get backupDir() {
		return env('BACKUP_DIR') ?? './data/backups';
	},
	get backupKeep() {
		return days('BACKUP_KEEP', 14);
	},
	/** adapter-node's header with the client address behind a proxy (unset: the socket's). */
	get addressHeader() {
		return env('ADDRESS_HEADER');
	},
	/** Final assessment: minutes between a failed attempt and the next (0: no wait). */
	get assessmentCooldownMinutes() {
		return wholeNumber('ASSESSMENT_COOLDOWN_MINUTES', 24 * 60);
	},
	/** Final assessment: attempts per enrolment, after which the review with feedback is shown. */
	get assessmentMaxAttempts() {
		return days('ASSESSMENT_MAX_ATTEMPTS', 3);
	},
	get isProduction() {
		return process.env.NODE_ENV === 'production';
	}
};
