import type { RequestHandler } from './$types';
import { recordAudit } from '$lib/server/platform';
import { organisationFor, requireRole } from '$lib/server/accounts';
import * as manager from '$lib/server/manager';

// The learners table as CSV for Excel as used in Flanders: ';' between cells, UTF-8 with BOM,
// CRLF line ends, formula-like cells neutralised. Same filters and order as the table.
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'manager');
	const org = organisationFor(user, 'manager');
	const query = await manager.parseLearnerQuery(event.url.searchParams, org.organisationId);
	// The learners are read before the audit record, which names how many the file holds.
	const { rows, chunks } = await manager.learnersCsv(org.organisationId, query);
	await recordAudit({
		action: 'report.exported',
		actorUserId: user.id,
		targetType: 'organisation',
		targetId: org.organisationId,
		organisationId: org.organisationId,
		requestId: event.locals.requestId,
		details: { rows, filters: manager.queryString(query) }
	});
	const day = new Date().toISOString().slice(0, 10);
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = await chunks.next();
			if (next.done) controller.close();
			else controller.enqueue(encoder.encode(next.value));
		},
		async cancel() {
			await chunks.return(undefined);
		}
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="deelnemers-${day}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
