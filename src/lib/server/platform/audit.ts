// The audit trail: who did what to whom, append-only (a database trigger forbids changes).
import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { db } from '../db';
import { auditEvent, type AuditEvent } from '../db/schema';
import { log } from './log';

export interface AuditInput {
	action: string;
	actorUserId?: number | null;
	targetType?: string;
	targetId?: string | number;
	organisationId?: number | null;
	requestId?: string;
	details?: Record<string, unknown>;
}

export async function recordAudit(input: AuditInput): Promise<void> {
	await db.insert(auditEvent).values({
		action: input.action,
		actorUserId: input.actorUserId ?? null,
		targetType: input.targetType ?? null,
		targetId: input.targetId === undefined ? null : String(input.targetId),
		organisationId: input.organisationId ?? null,
		requestId: input.requestId ?? null,
		details: input.details ?? null
	});
	log.info('audit', {
		action: input.action,
		actor: input.actorUserId ?? null,
		target: input.targetId ?? null,
		organisation: input.organisationId ?? null,
		requestId: input.requestId
	});
}

export async function listAudit(
	filter: { actorUserId?: number; action?: string; from?: Date; to?: Date } = {},
	limit = 200
): Promise<AuditEvent[]> {
	const conditions: SQL[] = [];
	if (filter.actorUserId !== undefined)
		conditions.push(eq(auditEvent.actorUserId, filter.actorUserId));
	if (filter.action) conditions.push(eq(auditEvent.action, filter.action));
	if (filter.from) conditions.push(gte(auditEvent.at, filter.from));
	if (filter.to) conditions.push(lte(auditEvent.at, filter.to));
	return await db
		.select()
		.from(auditEvent)
		.where(and(...conditions))
		.orderBy(desc(auditEvent.id))
		.limit(limit);
}
