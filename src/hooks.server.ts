// Every request passes here: a request id, the session, the area's role check and the headers.
import {
	error,
	redirect,
	type Handle,
	type HandleServerError,
	type RequestEvent,
	type ServerInit
} from '@sveltejs/kit';
import * as accounts from '$lib/server/accounts';
import { validateSessionToken } from '$lib/server/auth/session';
import { closeDatabase, openDatabase, MigrationError } from '$lib/server/db';
import { clearSessionCookie, sessionCookieName } from '$lib/server/cookies';
import { config } from '$lib/server/config';
import { areaFor, signInPath } from '$lib/server/guards';
import { log } from '$lib/server/log';
import { messages } from '$lib/i18n';
import { recordAudit } from '$lib/server/audit';
import { loadShippedCourse } from '$lib/server/course';
import { syncShippedModules } from '$lib/server/catalogue';
import { ContentError } from '$lib/server/content';
import { ensureSigningKey } from '$lib/server/openbadges';

export const init: ServerInit = async () => {
	try {
		const course = loadShippedCourse();
		openDatabase(config.databaseUrl, { migrationsDir: config.migrationsDir });
		syncShippedModules(course);
		// The Open Badges key pair is made on the first start and kept in the data folder.
		await ensureSigningKey();
	} catch (cause) {
		const message =
			cause instanceof MigrationError || cause instanceof ContentError
				? cause.message
				: `Cannot open the database: ${String(cause)}`;
		console.error(`\nSignaalwijs did not start.\n${message}\n`);
		process.exit(1);
	}
	process.once('sveltekit:shutdown', closeDatabase);
	log.info('server.ready', { database: config.databaseUrl });
};

const securityHeaders: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy':
		'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin'
};

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.requestId = crypto.randomUUID();
	event.locals.user = null;
	event.locals.session = null;

	const cookieName = sessionCookieName(event.url);
	const token = event.cookies.get(cookieName);
	if (token !== undefined) {
		const valid = validateSessionToken(token);
		if (valid) {
			const access = accounts.getAccess(valid.user);
			event.locals.session = valid.session;
			event.locals.user = { ...valid.user, ...access };
		} else {
			clearSessionCookie(event.cookies, event.url);
		}
	}

	const area = areaFor(event.url.pathname);
	if (area) {
		const user = event.locals.user;
		if (!user) {
			if (event.request.method === 'GET' || event.request.method === 'HEAD')
				redirect(303, signInPath(event));
			error(401, { message: 'Meld je eerst aan.' });
		}
		if (area !== 'signedIn' && !user.roles.includes(area)) {
			if (isPageView(event.request, event.url)) {
				// The area's +layout.server.ts guard answers 403 with the friendly error page.
				return finish(event, await resolve(event), area);
			}
			recordAudit({
				action: 'access.denied',
				actorUserId: user.id,
				targetType: 'path',
				targetId: event.url.pathname.slice(0, 200),
				requestId: event.locals.requestId
			});
			error(403, { message: 'Geen toegang' });
		}
	}

	return finish(event, await resolve(event), area);
};

function isPageView(request: Request, url: URL): boolean {
	return (
		(request.method === 'GET' || request.method === 'HEAD') &&
		!url.pathname.endsWith('/__data.json') &&
		(request.headers.get('accept') ?? '').includes('text/html')
	);
}

function finish(event: RequestEvent, response: Response, area: string | null): Response {
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (config.isProduction && event.url.protocol === 'https:') {
		response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	}
	if (event.locals.user || area) response.headers.set('cache-control', 'no-store');
	response.headers.set('x-request-id', event.locals.requestId);
	return response;
}

export const handleError: HandleServerError = ({ error: cause, event, status, message }) => {
	const id = event.locals.requestId ?? crypto.randomUUID();
	if (status >= 500) {
		log.error('request.failed', {
			requestId: id,
			status,
			path: event.url.pathname,
			error:
				cause instanceof Error
					? `${cause.name}: ${cause.message}\n${cause.stack ?? ''}`
					: String(cause)
		});
	}
	const text =
		status === 404
			? messages.errors[404]
			: status === 413
				? messages.errors.tooLarge
				: status < 500
					? message
					: messages.errors[500];
	return { message: text, id };
};
