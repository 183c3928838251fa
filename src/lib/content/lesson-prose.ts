// The server-rendered prose of shipped lessons, kept per process: a lesson step renders it once
// per step and then prints the same HTML on every view (../../routes/leren/[module=slug]/
// [step=textonly]). Only the server fills it; in the browser (a client-side navigation to a
// lesson step) it stays empty and the page renders the lesson's component instead.
const rendered = new Map<string, string>();

/** The lesson's rendered prose, when the server rendered it in this process. */
export function lessonProseHtml(indexPath: string | null): string | null {
	return (indexPath && rendered.get(indexPath)) ?? null;
}

/** Keeps a lesson's rendered prose (server only). */
export function rememberLessonProse(indexPath: string, html: string): void {
	rendered.set(indexPath, html);
}
