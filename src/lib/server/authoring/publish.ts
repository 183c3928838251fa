// Publishing a draft as an immutable module version, and the version history of a draft.
import { and, desc, eq, sql } from 'drizzle-orm';
import { db, transaction, first } from '../db';
import { moduleDraft, moduleVersion, user, type ModuleVersion } from '../db/schema';
import { loadVersion, type ModuleSnapshot } from '../content/versions';
import { recordAudit } from '../platform/audit';
import { AuthoringError, isPlatformTrainer, type Author } from './access';
import { describeChanges, type Change } from './changes';
import { draftContent, draftIssues, getDraft, hashContent } from './drafts';
import { latestOf } from './published';
import type { DraftIssue } from './validate';

export type PublishResult =
	{ ok: true; version: ModuleVersion } | { ok: false; issues: DraftIssue[] };

/**
 * Publishes the draft as a new immutable version. Learners in progress keep the version they
 * started (their enrolment points at it); new enrolments get this one.
 */
export async function publishDraft(author: Author, draftId: number): Promise<PublishResult> {
	return await transaction(async (tx) => {
		const draft = await getDraft(author, draftId);
		if (draft.scope === 'platform' && !(await isPlatformTrainer(author.id)))
			throw new AuthoringError('forbidden');
		const issues = await draftIssues(draft);
		if (issues.length) return { ok: false as const, issues };
		const content = draftContent(draft);
		const hash = hashContent(content);
		const previous = await latestOf(draft.moduleSlug);
		if (previous && previous.contentHash === hash) return { ok: true as const, version: previous };
		const basedOn = draft.basedOnVersionId ? await loadVersion(draft.basedOnVersionId) : undefined;
		const changes = describeChanges(
			previous ? (previous.content as ModuleSnapshot) : undefined,
			content,
			basedOn ? { title: basedOn.module.meta.title, version: basedOn.row.version } : undefined
		);
		const id = Number(
			(
				await tx
					.insert(moduleVersion)
					.values({
						moduleSlug: draft.moduleSlug,
						version: (previous?.version ?? 0) + 1,
						source: 'authored',
						contentHash: hash,
						title: content.meta.title,
						organisationId: draft.scope === 'platform' ? null : draft.organisationId,
						content,
						// The column is typed for the Dutch lines of shipped modules; see StoredChange.
						changes: changes as unknown as string[],
						publishedBy: author.id
					})
					.returning({ id: moduleVersion.id })
			)[0]?.id
		);
		await tx.update(moduleDraft).set({ publishedHash: hash }).where(eq(moduleDraft.id, draft.id));
		await recordAudit({
			action: 'authoring.publish',
			actorUserId: author.id,
			targetType: 'module_version',
			targetId: id,
			organisationId: draft.organisationId,
			details: { slug: draft.moduleSlug, version: (previous?.version ?? 0) + 1 }
		});
		return {
			ok: true as const,
			version: (await first(tx.select().from(moduleVersion).where(eq(moduleVersion.id, id))))!
		};
	});
}

/**
 * One stored line of module_version.changes: a change value, or (versions published before change
 * values existed) a Dutch line, shown as it is.
 */
export type StoredChange = Change | string;

export interface HistoryEntry {
	versionId: number;
	version: number;
	createdAt: Date;
	publishedByName: string | null;
	scope: 'organisation' | 'platform';
	changes: StoredChange[];
	/** Learners who started this version and are still in it. */
	inProgress: number;
}

/** Every published version of a draft's module, newest first. */
export async function versionHistory(author: Author, draftId: number): Promise<HistoryEntry[]> {
	const draft = await getDraft(author, draftId);
	return (
		await db
			.select({
				id: moduleVersion.id,
				version: moduleVersion.version,
				createdAt: moduleVersion.createdAt,
				organisationId: moduleVersion.organisationId,
				changes: moduleVersion.changes,
				name: user.name,
				inProgress:
					sql<number>`(select count(*) from enrolment e where e.module_version_id = ${moduleVersion.id} and e.status = 'in_progress')`.mapWith(
						Number
					)
			})
			.from(moduleVersion)
			.leftJoin(user, eq(user.id, moduleVersion.publishedBy))
			.where(
				and(eq(moduleVersion.moduleSlug, draft.moduleSlug), eq(moduleVersion.source, 'authored'))
			)
			.orderBy(desc(moduleVersion.version))
	).map((r) => ({
		versionId: r.id,
		version: r.version,
		createdAt: r.createdAt,
		publishedByName: r.name,
		scope: r.organisationId === null ? ('platform' as const) : ('organisation' as const),
		changes: (r.changes ?? []) as StoredChange[],
		inProgress: r.inProgress
	}));
}
