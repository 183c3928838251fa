// Refresher links between modules, checked in both directions once every module's front matter
// is known: a module's refresher.module must list it under refreshes, and the other way round.
import type { ModuleMeta } from '$lib/content/schema';

type Add = (file: string, at: string, message: string) => void;

export function checkRefresherLinks(
	metaBySlug: ReadonlyMap<string, { meta: ModuleMeta; indexFile: string }>,
	folderSlugs: readonly string[],
	add: Add
): void {
	for (const [slug, { meta, indexFile }] of metaBySlug) {
		const target = meta.refresher?.module;
		if (target !== undefined) {
			const refresher = metaBySlug.get(target);
			if (target === slug)
				add(indexFile, 'refresher.module', 'a module cannot be its own refresher');
			else if (!refresher) {
				if (!folderSlugs.includes(target)) {
					add(indexFile, 'refresher.module', `unknown module "${target}"`);
				}
			} else if (!refresher.meta.refreshes.includes(slug)) {
				add(
					indexFile,
					'refresher.module',
					`module "${target}" does not list "${slug}" under refreshes`
				);
			}
		}
		meta.refreshes.forEach((r, i) => {
			const renewed = metaBySlug.get(r);
			if (!renewed) {
				if (!folderSlugs.includes(r)) add(indexFile, `refreshes[${i}]`, `unknown module "${r}"`);
			} else if (renewed.meta.refresher?.module !== slug) {
				add(
					indexFile,
					`refreshes[${i}]`,
					`module "${r}" does not name "${slug}" as its refresher.module`
				);
			}
		});
	}
}
