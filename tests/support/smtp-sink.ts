// A real SMTP server for the end-to-end tests. Each Playwright worker starts its own, in its own
// process, on a port the system picks; it keeps every message it receives so the worker's tests
// can read invitation and reset mails from the real exchange with their own server.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SunkMail {
	to: string[];
	subject: string;
	text: string;
	raw: string;
	at: number;
}

export interface SmtpSink {
	/** The port the sink listens on (127.0.0.1). */
	port: number;
	/** Every mail received so far that was addressed to `to` (case-insensitive), oldest first. */
	mailsTo(to: string): SunkMail[];
	close(): Promise<void>;
}

function decodeQuotedPrintable(text: string): string {
	const bytes: number[] = [];
	const source = text.replace(/=\r?\n/g, '');
	for (let i = 0; i < source.length; i++) {
		if (source[i] === '=' && /^[0-9A-F]{2}$/i.test(source.slice(i + 1, i + 3))) {
			bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
			i += 2;
		} else {
			bytes.push(...Buffer.from(source[i], 'utf8'));
		}
	}
	return Buffer.from(bytes).toString('utf8');
}

function decodeHeader(value: string): string {
	return value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_: string, kind: string, data: string) =>
		kind.toUpperCase() === 'B'
			? Buffer.from(data, 'base64').toString('utf8')
			: decodeQuotedPrintable(data.replace(/_/g, ' '))
	);
}

function parse(raw: string): { subject: string; text: string } {
	const split = raw.indexOf('\r\n\r\n');
	const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
	const body = raw.slice(split + 4);
	const header = (name: string) => head.match(new RegExp(`^${name}: (.*)$`, 'im'))?.[1] ?? '';
	const encoding = header('Content-Transfer-Encoding').toLowerCase();
	const text =
		encoding === 'quoted-printable'
			? decodeQuotedPrintable(body)
			: encoding === 'base64'
				? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
				: body;
	return { subject: decodeHeader(header('Subject')), text };
}

/** Starts a sink on 127.0.0.1; port 0 lets the system pick a free one. */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
	const messages: SunkMail[] = [];
	const smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				messages.push({
					to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
					...parse(raw),
					raw,
					at: Date.now()
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve, reject) => {
		smtp.server.once('error', reject);
		smtp.listen(port, '127.0.0.1', () => resolve());
	});
	return {
		port: (smtp.server.address() as AddressInfo).port,
		mailsTo: (to) => messages.filter((m) => m.to.includes(to.toLowerCase())),
		close: () => new Promise((resolve) => smtp.close(() => resolve()))
	};
}
