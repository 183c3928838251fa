// Test support for the handle specs: a RequestEvent with real URL, Request and cookie jar
// semantics (get / set / delete / serialize), and a resolve that records what reached it.
import type { Cookies, RequestEvent, ResolveOptions } from '@sveltejs/kit';

export interface FakeEventInput {
	path: string;
	method?: string;
	headers?: Record<string, string>;
	cookies?: Record<string, string>;
	routeId?: string | null;
	isDataRequest?: boolean;
	origin?: string;
	/** What getClientAddress() answers (the socket's address without ADDRESS_HEADER). */
	address?: string;
}

export function fakeEvent(input: FakeEventInput): RequestEvent & { setCookies: string[] } {
	const url = new URL(input.path, input.origin ?? 'http://localhost');
	const jar = new Map(Object.entries(input.cookies ?? {}));
	const cookieHeader = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
	const setCookies: string[] = [];
	const serialize = (name: string, value: string, opts: { maxAge?: number } = {}) =>
		`${name}=${value}${opts.maxAge !== undefined ? `; Max-Age=${opts.maxAge}` : ''}`;
	const cookies = {
		get: (name: string) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => {
			jar.set(name, value);
			setCookies.push(serialize(name, value));
		},
		delete: (name: string) => {
			jar.delete(name);
			setCookies.push(serialize(name, '', { maxAge: 0 }));
		},
		serialize
	} as unknown as Cookies;
	const headers = new Headers(input.headers);
	if (cookieHeader) headers.set('cookie', cookieHeader);
	return {
		url,
		request: new Request(url, { method: input.method ?? 'GET', headers }),
		locals: { requestId: 'test-request', user: null, session: null, pendingSession: null },
		route: { id: input.routeId === undefined ? input.path : input.routeId },
		isDataRequest: input.isDataRequest ?? false,
		getClientAddress: () => input.address ?? '127.0.0.1',
		cookies,
		setCookies
	} as unknown as RequestEvent & { setCookies: string[] };
}

/** A resolve that answers `response` (200 "ok" by default) and counts its calls. */
export function fakeResolve(response: () => Response = () => new Response('ok')) {
	const calls: RequestEvent[] = [];
	const resolve = (event: RequestEvent, _opts?: ResolveOptions) => {
		void _opts;
		calls.push(event);
		return response();
	};
	return Object.assign(resolve, { calls });
}
