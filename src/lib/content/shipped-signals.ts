// The signal list of the course this build was made from (modules/signals.yaml, compiled in by
// vite.config.ts): pages show signals from it without receiving their labels as data. Only the
// SvelteKit build can import this file (scripts run by tsx cannot load the YAML module), so the
// domain code does not: routes decide with `signalsForPage` whether to send a list along.
import shipped from '/modules/signals.yaml';
import type { SignalEntry } from './signal-map';

export const SHIPPED_SIGNALS: readonly SignalEntry[] = shipped;

function sameAsShipped(signals: readonly SignalEntry[]): boolean {
	return (
		signals.length === SHIPPED_SIGNALS.length &&
		signals.every((s, i) => {
			const t = SHIPPED_SIGNALS[i];
			return s.id === t.id && s.label === t.label && s.category === t.category;
		})
	);
}

// Per signal list the server loaded (one per course): whether the build's list shows the same.
const checked = new WeakMap<readonly SignalEntry[], boolean>();

/**
 * The signal list a page must receive as data: none when the server's course shows its signals as
 * the build's list does (ids, labels, categories and order), else the server's own list (a
 * MODULES_DIR with another course than the build's).
 */
export function signalsForPage(signals: readonly SignalEntry[]): SignalEntry[] | null {
	let same = checked.get(signals);
	if (same === undefined) {
		same = sameAsShipped(signals);
		checked.set(signals, same);
	}
	return same ? null : signals.map(({ id, label, category }) => ({ id, label, category }));
}
