// Every request passes here: a request id, the session (and its second factor), the area's
// role check, the security headers and one access-log line.
import {
	error,
	isHttpError,
	isRedirect,
	json,
	redirect,
	type Handle,
	type HandleServerError,
	type RequestEvent,
	type ServerInit
} from '@sveltejs/kit';
import {
	validateSessionToken,
	areaFor,
	enrolmentPath,
	mustEnrolTwoFactor,
	signInPath
} from '$lib/server/accounts';
import {
	closeDatabase,
	openDatabase,
	MigrationError,
	clearSessionCookie,
	sessionCookieName,
	config,
	applySecurityHeaders,
	log,
	recordAudit
} from '$lib/server/platform';
import { messages } from '$lib/i18n';
import { loadShippedCourse, syncShippedModules, ContentError } from '$lib/server/content';
import { ensureSigningKey } from '$lib/server/certificates';
import * as accounts from '$lib/server/accounts';
import * as lti from '$lib/server/lti';

export const init: ServerInit = async () => {
	try {
		const course = loadShippedCourse();
		openDatabase(config.databaseUrl, { migrationsDir: config.migrationsDir });
		syncShippedModules(course);
		// The Open Badges key pair is made on the first start and kept in the data folder.
		await ensureSigningKey();
		// The LTI key pair likewise; the worker sends queued scores to the LMS grade books.
		await lti.toolKey();
		lti.startScoreWorker();
	} catch (cause) {
		const message =
			cause instanceof MigrationError || cause instanceof ContentError
				? cause.message
				: `Cannot open the database: ${String(cause)}`;
		console.error(`\nSignaalwijs did not start.\n${message}\n`);
		process.exit(1);
	}
	process.once('sveltekit:shutdown', () => {
		lti.stopScoreWorker();
		closeDatabase();
	});
	log.info('server.ready', { database: config.databaseUrl });
};

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	Object.assign(event.locals, {
		requestId: crypto.randomUUID(),
		user: null,
		session: null,
		pendingSession: null
	} satisfies App.Locals);
	let response: Response;
	try {
		response = await authorise(event, resolve);
	} catch (cause) {
		// Thrown here, a redirect or error would skip the headers below: answer it ourselves.
		response = thrownResponse(event, cause);
	}
	const area = areaFor(event.url.pathname);
	// Paths that carry a secret token never leak it to another site through the Referer header.
	if (/^\/(wachtwoord-vergeten|uitnodiging)\/[^/]/.test(event.url.pathname)) {
		response.headers.set('referrer-policy', 'no-referrer');
	}
	applySecurityHeaders(response.headers, {
		production: config.isProduction,
		https: event.url.protocol === 'https:',
		noStore: !!(event.locals.user || event.locals.pendingSession || area)
	});
	// Only the LTI pages may be framed, and only by the registered LMS platforms.
	if (lti.isLtiPath(event.url.pathname)) lti.relaxFramingForPlatforms(response.headers);
	response.headers.set('x-request-id', event.locals.requestId);
	log.info('request', {
		method: event.request.method,
		// The route id, never the raw URL: no query strings or tokens from paths in the logs.
		route: event.route.id ?? event.url.pathname.slice(0, 120),
		status: response.status,
		ms: Math.round(performance.now() - started),
		requestId: event.locals.requestId,
		userId: event.locals.user?.id ?? event.locals.pendingSession?.userId ?? null
	});
	return response;
};

async function authorise(
	event: RequestEvent,
	resolve: Parameters<Handle>[0]['resolve']
): Promise<Response> {
	// SvelteKit's own origin check is off (svelte.config.js) so the LMS may post to the two LTI
	// endpoints; every other cross-site form is refused here, before any session is read.
	if (lti.isForbiddenCrossSiteForm(event.request, event.url)) {
		error(403, { message: messages.errors[403] });
	}
	const token = event.cookies.get(sessionCookieName(event.url));
	if (token !== undefined) {
		const valid = validateSessionToken(token);
		if (!valid) {
			clearSessionCookie(event.cookies, event.url);
		} else if (valid.user.twoFactorEnabled && !valid.session.twoFactorVerified) {
			// Password checked, second factor not yet: signed in nowhere but the second step.
			event.locals.pendingSession = valid.session;
		} else {
			const access = accounts.getAccess(valid.user);
			event.locals.session = valid.session;
			event.locals.user = { ...valid.user, ...access };
		}
	}

	const area = areaFor(event.url.pathname);
	if (!area) return resolve(event);
	const user = event.locals.user;
	const readOnly = event.request.method === 'GET' || event.request.method === 'HEAD';
	if (!user) {
		if (readOnly) redirect(303, signInPath(event));
		error(401, { message: messages.account.signInFirst });
	}
	if (mustEnrolTwoFactor(user) && !event.url.pathname.startsWith('/profiel')) {
		if (readOnly) redirect(303, enrolmentPath);
		error(403, { message: messages.account.twoFactor.required });
	}
	if (area !== 'signedIn' && !user.roles.includes(area)) {
		if (isPageView(event)) {
			// The area's +layout.server.ts guard answers 403 with the friendly error page.
			return resolve(event);
		}
		recordAudit({
			action: 'access.denied',
			actorUserId: user.id,
			targetType: 'path',
			targetId: event.url.pathname.slice(0, 200),
			requestId: event.locals.requestId
		});
		error(403, { message: messages.errors[403] });
	}
	return resolve(event);
}

function isPageView(event: RequestEvent): boolean {
	return (
		(event.request.method === 'GET' || event.request.method === 'HEAD') &&
		!event.isDataRequest &&
		(event.request.headers.get('accept') ?? '').includes('text/html')
	);
}

function thrownResponse(event: RequestEvent, cause: unknown): Response {
	let response: Response;
	if (isRedirect(cause)) {
		response = event.isDataRequest
			? json({ type: 'redirect', location: cause.location })
			: new Response(null, { status: cause.status, headers: { location: cause.location } });
	} else if (isHttpError(cause)) {
		response = json({ message: cause.body.message }, { status: cause.status });
	} else {
		log.error('request.failed', {
			requestId: event.locals.requestId,
			path: event.url.pathname,
			error: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)
		});
		response = json({ message: messages.errors[500] }, { status: 500 });
	}
	// Cookies set before the throw (a cleared session cookie) still reach the browser.
	const name = sessionCookieName(event.url);
	if (
		event.cookies.get(name) === undefined &&
		event.request.headers.get('cookie')?.includes(name)
	) {
		response.headers.append(
			'set-cookie',
			event.cookies.serialize(name, '', {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: event.url.protocol === 'https:',
				maxAge: 0
			})
		);
	}
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
