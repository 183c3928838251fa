// The shipped course's signal list, compiled in by vite.config.ts (signalCatalogue): only the
// fields the browser shows.
declare module '*/modules/signals.yaml' {
	const signals: Pick<import('$lib/content/schema').Signal, 'id' | 'label' | 'category'>[];
	export default signals;
}
