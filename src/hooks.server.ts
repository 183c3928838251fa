// Every request passes through the handles composed in $lib/server/http: a request id, the
// access log, the security headers, the session (and its second factor) and the area's guard.
import type { ServerInit } from '@sveltejs/kit';
import { startServer } from '$lib/server/http';

export const init: ServerInit = startServer;
export { handle, handleError } from '$lib/server/http';
