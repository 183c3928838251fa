// Dates as people in Flanders read them ("3 mei 2028"), always in Belgian time, on server and
// client alike so a date never shifts between the page, the PDF and a mail.
const dateFormat = new Intl.DateTimeFormat('nl-BE', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/Brussels'
});

// Intl formatting costs a few microseconds a call, and pages format the same few dates on every
// view (a learner's due dates and certificates on /leren): each moment's text is kept, up to 500
// of them, then the list starts afresh.
const formattedDates = new Map<number, string>();

export function formatDate(value: Date | string | number): string {
	const time = value instanceof Date ? value.getTime() : new Date(value).getTime();
	let text = formattedDates.get(time);
	if (text === undefined) {
		text = dateFormat.format(time);
		if (formattedDates.size >= 500) formattedDates.clear();
		formattedDates.set(time, text);
	}
	return text;
}

export function percent(part: number, whole: number): number {
	return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** YYYY-MM-DD in Belgian time, for <time datetime>. */
export function isoDay(date: Date | string | number): string {
	return new Intl.DateTimeFormat('en-CA', {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		timeZone: 'Europe/Brussels'
	}).format(new Date(date));
}

/** Date and time, e.g. for sessions and the audit log. */
const dateTime = new Intl.DateTimeFormat('nl-BE', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'Europe/Brussels'
});

export function formatDateTime(value: Date | string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	return dateTime.format(new Date(value));
}
