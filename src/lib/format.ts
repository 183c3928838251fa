// Dates for people in Flanders: 3 maart 2026.
const dateFormat = new Intl.DateTimeFormat('nl-BE', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/Brussels'
});

export function formatDate(value: Date | string | number): string {
	return dateFormat.format(new Date(value));
}

export function percent(part: number, whole: number): number {
	return whole > 0 ? Math.round((part / whole) * 100) : 0;
}
