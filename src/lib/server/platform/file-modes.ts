// Files that hold personal data or secrets (the database and its -wal/-shm, backups, key files)
// are readable by the service account only: 0600, in directories the platform creates with
// 0700. SQLite gives the -wal and -shm files the mode of the database file, so creating the
// database file with 0600 first covers all three. server.js also sets the umask to 077.
import fs from 'node:fs';
import path from 'node:path';

export const privateFileMode = 0o600;
export const privateDirMode = 0o700;

/** Creates the directory (and missing parents) with mode 0700; an existing one is left as is. */
export function ensurePrivateDir(dir: string): void {
	fs.mkdirSync(dir, { recursive: true, mode: privateDirMode });
}

/**
 * Makes sure `file` exists with mode 0600 before another library (SQLite) creates it with its
 * default 0644: a new file is created empty with 0600, an existing one that others may read is
 * narrowed to 0600 (a database made before this rule, or copied in).
 */
export function ensurePrivateFile(file: string): void {
	try {
		fs.closeSync(fs.openSync(file, 'wx', privateFileMode));
		return;
	} catch (cause) {
		if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
	}
	narrowToPrivate(file);
}

/** Narrows an existing file to 0600 when group or others may read it; a missing file is fine. */
export function narrowToPrivate(file: string): void {
	try {
		const { mode } = fs.statSync(file);
		if ((mode & 0o077) !== 0) fs.chmodSync(file, privateFileMode);
	} catch (cause) {
		if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
	}
}

/**
 * Creates `file` (0600, its directory 0700) holding `content`, unless it exists. Safe when
 * several processes start at once: the content is written to a file of this process's own and
 * linked into place, so nobody ever reads a half-written `file`, and link() fails for all but
 * the first. Returns whether this call created it.
 */
export function createFileOnce(file: string, content: string | Uint8Array): boolean {
	if (fs.existsSync(file)) return false;
	ensurePrivateDir(path.dirname(file));
	const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
	fs.writeFileSync(temp, content, { mode: privateFileMode });
	try {
		fs.linkSync(temp, file);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		return false;
	} finally {
		fs.rmSync(temp, { force: true });
	}
}
