// Structured JSON log lines (UTC) on stdout/stderr. Callers pass ids, never secrets or answers.
type Fields = Record<string, unknown>;

const redacted = /pass|token|secret|cookie|answer|authorization/i;

// Unit tests exercise failure paths on purpose; their log lines would only hide real output.
const quiet = !!process.env.VITEST && !process.env.LOG_IN_TESTS;

// Info lines (one per request) are written once per event-loop turn, not one write per line:
// under load that is one system call for many requests. Warnings and errors go out at once,
// after what is buffered, so the order holds; the buffer is flushed when the process exits.
let pending = '';
let scheduled = false;
function flush(): void {
	scheduled = false;
	if (!pending) return;
	const lines = pending;
	pending = '';
	process.stdout.write(lines);
}
process.on('exit', flush);

function write(level: 'info' | 'warn' | 'error', event: string, fields: Fields): void {
	if (quiet) return;
	const clean: Fields = {};
	for (const [key, value] of Object.entries(fields)) {
		clean[key] = redacted.test(key) ? '[weggelaten]' : value;
	}
	const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...clean });
	if (level === 'info') {
		pending += line + '\n';
		if (pending.length > 65_536) flush();
		else if (!scheduled) {
			scheduled = true;
			setImmediate(flush);
		}
		return;
	}
	flush();
	process.stderr.write(line + '\n');
}

export const log = {
	info: (event: string, fields: Fields = {}) => write('info', event, fields),
	warn: (event: string, fields: Fields = {}) => write('warn', event, fields),
	error: (event: string, fields: Fields = {}) => write('error', event, fields)
};

// Drizzle's error for a failed query ends its message with the values it was given; they can
// hold an address, a name or a token, so a log line keeps the query and drops them.
const queryParams = /\nparams: [\s\S]*?(?=\n\s+at |$)/g;
const withoutParams = (text: string) => text.replace(queryParams, '\nparams: [weggelaten]');

/**
 * An error as one log field: name, message and stack, then what it was caused by (the
 * database's own message and code, such as a deadlock's 40P01), never a failed query's values.
 */
export function errorText(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	let text = withoutParams(`${error.name}: ${error.message}\n${error.stack ?? ''}`);
	const cause: unknown = error.cause;
	if (cause instanceof Error) {
		const code = (cause as { code?: unknown }).code;
		text += `\ncause: ${cause.name}: ${withoutParams(cause.message)}`;
		if (typeof code === 'string') text += ` (${code})`;
	}
	return text;
}
