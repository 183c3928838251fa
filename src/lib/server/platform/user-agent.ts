// A short, readable name for a browser from its User-Agent header ("Firefox op Windows"), so
// people recognise their own sessions without reading the raw header.
const browsers: [RegExp, string][] = [
	[/Edg\//, 'Edge'],
	[/OPR\/|Opera/, 'Opera'],
	[/Firefox\//, 'Firefox'],
	[/Chrom(e|ium)\//, 'Chrome'],
	[/Safari\//, 'Safari']
];

const systems: [RegExp, string][] = [
	[/Android/, 'Android'],
	[/iPhone|iPad|iPod/, 'iOS'],
	[/Windows/, 'Windows'],
	[/Mac OS X|Macintosh/, 'macOS'],
	[/CrOS/, 'ChromeOS'],
	[/Linux/, 'Linux']
];

export function describeUserAgent(ua: string | null, unknown: string): string {
	if (!ua) return unknown;
	const browser = browsers.find(([pattern]) => pattern.test(ua))?.[1];
	const system = systems.find(([pattern]) => pattern.test(ua))?.[1];
	if (browser && system) return `${browser} op ${system}`;
	return browser ?? system ?? unknown;
}
