// Published authored modules: the newest visible version of each, for learners, managers and
// trainers, and the versions an author may open.
import { desc, eq } from 'drizzle-orm';
import { db, first } from '../db';
import { prepared } from '../db/prepared';
import { moduleVersion } from '../db/schema';
import { loadVersion, type ModuleSnapshot } from '../content/versions';
import { AuthoringError, authorOrganisations, visibleTo, type Author } from './access';

export { newestVisibleVersionId, organisationIdsOf } from '../content/versions';

export interface AuthoredModuleSummary {
	slug: string;
	versionId: number;
	version: number;
	title: string;
	organisationId: number | null;
	meta: ModuleSnapshot['meta'];
}

// /leren asks this on every visit: one prepared query over the (few) authored versions, newest
// first, instead of a query per module.
const selectAuthored = prepared((database) =>
	database
		.select({
			id: moduleVersion.id,
			slug: moduleVersion.moduleSlug,
			version: moduleVersion.version,
			organisationId: moduleVersion.organisationId
		})
		.from(moduleVersion)
		.where(eq(moduleVersion.source, 'authored'))
		.orderBy(moduleVersion.moduleSlug, desc(moduleVersion.version))
		.prepare()
);

/** The newest version of every published authored module visible to these organisations. */
export async function publishedAuthoredModules(
	orgIds: readonly number[]
): Promise<AuthoredModuleSummary[]> {
	return await newestVisibleAuthored(await selectAuthored().all(), (row) => visibleTo(row, orgIds));
}

/**
 * From authored version rows ordered by module and newest version first: each module's newest
 * version, when `visible` admits it, with its metadata, by title. The newest version decides: an
 * older one is never offered in its place.
 */
export async function newestVisibleAuthored<
	Row extends { id: number; slug: string; version: number; organisationId: number | null }
>(rows: readonly Row[], visible: (row: Row) => boolean): Promise<AuthoredModuleSummary[]> {
	const seen = new Set<string>();
	const out: AuthoredModuleSummary[] = [];
	for (const row of rows) {
		if (seen.has(row.slug)) continue; // an older version of a module already handled
		seen.add(row.slug);
		if (!visible(row)) continue;
		const meta = (await loadVersion(row.id))!.module.meta;
		out.push({
			slug: row.slug,
			versionId: row.id,
			version: row.version,
			title: meta.title,
			organisationId: row.organisationId,
			meta
		});
	}
	return out.sort((a, b) => a.title.localeCompare(b.title, 'nl'));
}

/** The newest version of a module slug (shipped or authored), if any. */
export async function latestOf(slug: string) {
	return await first(
		db
			.select()
			.from(moduleVersion)
			.where(eq(moduleVersion.moduleSlug, slug))
			.orderBy(desc(moduleVersion.version))
			.limit(1)
	);
}

/** A version the author may look at (to export or duplicate): shipped, platform or their own. */
export async function versionForAuthor(author: Author, versionId: number) {
	const version = Number.isSafeInteger(versionId) ? await loadVersion(versionId) : undefined;
	if (!version || !visibleTo(version.row, authorOrganisations(author)))
		throw new AuthoringError('not-found');
	return version;
}

/** Organisation modules a manager may assign: the newest visible authored versions. */
export async function assignableAuthoredModules(organisationId: number) {
	return await publishedAuthoredModules([organisationId]);
}
