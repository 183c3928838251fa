// Module versions: every shipped module is registered as an immutable version (a new one when its
// files change) and can be read back exactly as it was, for learners who started it.
import { and, desc, eq, exists, sql } from 'drizzle-orm';
import type { Assessment, ModuleMeta, Quiz, StepMeta, Vignette } from '$lib/content/schema';
import { db, transaction, first } from '../db';
import { prepared } from '../db/prepared';
import { membership, moduleVersion, type ModuleVersion } from '../db/schema';
import type { Course, CourseModule } from './index';

/** The graded content of one module version, as stored in module_version.content. */
export interface ModuleSnapshot {
	slug: string;
	meta: ModuleMeta;
	markdown?: string;
	/** For shipped modules: the module's index.md (its introduction component). */
	indexPath?: string;
	steps: StepSnapshot[];
}

export interface StepSnapshot {
	slug: string;
	order: number;
	meta: StepMeta;
	/** For shipped modules: the index.md path that the lesson component is compiled from. */
	indexPath?: string;
	/** For authored modules: the step's Markdown text. */
	markdown?: string;
	vignette?: Vignette;
	quiz?: Quiz;
	assessment?: Assessment;
}

export interface LoadedVersion {
	row: ModuleVersion;
	module: ModuleSnapshot;
	stepBySlug: Map<string, StepSnapshot>;
}

export function snapshotOf(mod: CourseModule): ModuleSnapshot {
	return {
		slug: mod.slug,
		meta: mod.meta,
		indexPath: mod.indexPath,
		steps: mod.steps.map((s) => ({
			slug: s.slug,
			order: s.order,
			meta: s.meta,
			indexPath: s.indexPath,
			vignette: s.vignette,
			quiz: s.quiz,
			assessment: s.assessment
		}))
	};
}

/**
 * Registers each shipped module's current files as a version (a no-op when the content hash is
 * already known). Runs at server start, in the seed and in tests.
 */
export async function syncShippedModules(course: Course): Promise<void> {
	await transaction(async (tx) => {
		for (const mod of course.modules) {
			const known = await first(
				tx
					.select({ id: moduleVersion.id })
					.from(moduleVersion)
					.where(
						and(
							eq(moduleVersion.moduleSlug, mod.slug),
							eq(moduleVersion.contentHash, mod.contentHash)
						)
					)
			);
			if (known) continue;
			const last = await first(
				tx
					.select({ version: sql<number>`max(${moduleVersion.version})` })
					.from(moduleVersion)
					.where(eq(moduleVersion.moduleSlug, mod.slug))
			);
			await tx.insert(moduleVersion).values({
				moduleSlug: mod.slug,
				version: (last?.version ?? 0) + 1,
				source: 'shipped',
				contentHash: mod.contentHash,
				title: mod.meta.title,
				content: snapshotOf(mod),
				// The change lines describe a change: the first version registered has none.
				changes: last?.version ? (mod.meta.changes ?? null) : null
			});
		}
	});
	versionCache.clear();
}

const selectLatest = prepared((database) =>
	database
		.select({ id: moduleVersion.id })
		.from(moduleVersion)
		.where(eq(moduleVersion.moduleSlug, sql.placeholder('slug')))
		.orderBy(desc(moduleVersion.version))
		// get() reads the first row only; a bound `limit ?` costs SQLite more than the query.
		.prepare()
);

/** The id of the newest version of a module, which new enrolments get. */
export async function latestVersionId(slug: string): Promise<number | undefined> {
	return (await selectLatest().get({ slug }))?.id;
}

// Visibility: shipped and platform versions (organisation_id null) are for everyone; an
// authored organisation module only for members of that organisation.
const selectNewest = prepared((database) =>
	database
		.select({ id: moduleVersion.id, organisationId: moduleVersion.organisationId })
		.from(moduleVersion)
		.where(eq(moduleVersion.moduleSlug, sql.placeholder('slug')))
		.orderBy(desc(moduleVersion.version))
		// get() reads the first row only; a bound `limit ?` costs SQLite more than the query.
		.prepare()
);

const selectOrgIds = prepared((database) =>
	database
		.select({ id: membership.organisationId })
		.from(membership)
		.where(eq(membership.userId, sql.placeholder('userId')))
		.prepare()
);

/** The organisations a user belongs to, in any role. */
export async function organisationIdsOf(userId: number): Promise<number[]> {
	return (await selectOrgIds().all({ userId })).map((r) => r.id);
}

export interface VersionSeen {
	id: number;
	slug: string;
	version: number;
	source: 'shipped' | 'authored';
	organisationId: number | null;
	/** Shipped or platform (no organisation), or of an organisation the user belongs to. */
	visible: boolean;
}

// /leren needs, per visit, which modules have a version and the newest authored ones this
// learner may see: one statement over the (few, light) version rows instead of a query per
// module, one for the memberships and one for the authored versions. Membership is read here as
// organisationIdsOf reads it: in any role, archived organisations included.
const selectVersionsSeen = prepared((database) =>
	database
		.select({
			id: moduleVersion.id,
			slug: moduleVersion.moduleSlug,
			version: moduleVersion.version,
			source: moduleVersion.source,
			organisationId: moduleVersion.organisationId,
			visible: sql`case when ${moduleVersion.organisationId} is null or ${exists(
				database
					.select({ one: sql`1` })
					.from(membership)
					.where(
						and(
							eq(membership.userId, sql.placeholder('userId')),
							eq(membership.organisationId, moduleVersion.organisationId)
						)
					)
			)} then 1 else 0 end`.mapWith((value: unknown) => Number(value) === 1)
		})
		.from(moduleVersion)
		.orderBy(moduleVersion.moduleSlug, desc(moduleVersion.version))
		.prepare()
);

/**
 * Every module version (without its content), newest first per module, each marked visible or
 * not for this user as `newestVisibleVersionId` and `visibleTo(…, organisationIdsOf(userId))`
 * decide it. One statement.
 */
export async function versionsSeenBy(userId: number): Promise<VersionSeen[]> {
	return await selectVersionsSeen().all({ userId });
}

/**
 * The newest version of `slug` that this user may start, or undefined. Organisation modules are
 * only found by members of that organisation (the slug alone reveals nothing to others).
 */
export async function newestVisibleVersionId(
	slug: string,
	userId: number
): Promise<number | undefined> {
	const row = await selectNewest().get({ slug });
	if (!row) return undefined;
	if (row.organisationId === null) return row.id;
	return (await organisationIdsOf(userId)).includes(row.organisationId) ? row.id : undefined;
}

// Versions are immutable, so a parsed version can be cached for the life of the process.
const versionCache = new Map<number, LoadedVersion>();

export async function loadVersion(id: number): Promise<LoadedVersion | undefined> {
	const cached = versionCache.get(id);
	if (cached && cached.row.id === id) return cached;
	const row = await first(db.select().from(moduleVersion).where(eq(moduleVersion.id, id)));
	if (!row) return undefined;
	const module = row.content as ModuleSnapshot;
	const loaded: LoadedVersion = {
		row,
		module,
		stepBySlug: new Map(module.steps.map((s) => [s.slug, s]))
	};
	versionCache.set(id, loaded);
	return loaded;
}

/** Tests open a fresh database per test: forget versions cached from an earlier one. */
export function clearVersionCache(): void {
	versionCache.clear();
}
