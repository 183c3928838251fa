// The shipped course's signal list, compiled in by vite.config.ts (signalCatalogue): only the
// fields the browser shows.
declare module '*/modules/signals.yaml' {
	const signals: { id: string; label: string; category: string }[];
	export default signals;
}
