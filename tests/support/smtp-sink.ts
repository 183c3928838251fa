// A real SMTP server for the end-to-end tests. It stores every message it receives and serves
// them as JSON over HTTP, so tests can read invitation and reset mails from the real exchange.
import http from 'node:http';
import { SMTPServer } from 'smtp-server';

const smtpPort = Number(process.env.SMTP_SINK_PORT || 2525);
const httpPort = Number(process.env.SMTP_SINK_HTTP_PORT || 2526);

interface Message {
	to: string[];
	subject: string;
	text: string;
	raw: string;
	at: number;
}

const messages: Message[] = [];

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

smtp.listen(smtpPort, '127.0.0.1');

http
	.createServer((request, response) => {
		const url = new URL(request.url ?? '/', `http://127.0.0.1:${httpPort}`);
		const to = url.searchParams.get('to')?.toLowerCase();
		const found = to ? messages.filter((m) => m.to.includes(to)) : messages;
		response.writeHead(200, { 'content-type': 'application/json' });
		response.end(
			JSON.stringify(found.map((m) => ({ to: m.to, subject: m.subject, text: m.text, at: m.at })))
		);
	})
	.listen(httpPort, '127.0.0.1');
