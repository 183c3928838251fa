// A real SMTP server on a free local port for server specs: it keeps every message it receives.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	to: string[];
	raw: string;
}

export interface SmtpSink {
	port: number;
	url: string;
	received: ReceivedMail[];
	/** Runs before a message is accepted: lets a spec act while a delivery is under way. */
	beforeAccept?: () => Promise<void>;
	clear(): void;
	close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
	const received: ReceivedMail[] = [];
	const hooks: Pick<SmtpSink, 'beforeAccept'> = {};
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				void (hooks.beforeAccept?.() ?? Promise.resolve()).then(
					() => {
						received.push({
							to: session.envelope.rcptTo.map((r) => r.address),
							raw: Buffer.concat(chunks).toString('utf8')
						});
						callback();
					},
					(error: Error) => callback(error)
				);
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;
	return {
		port,
		url: `smtp://127.0.0.1:${port}`,
		received,
		clear: () => {
			received.length = 0;
			hooks.beforeAccept = undefined;
		},
		get beforeAccept() {
			return hooks.beforeAccept;
		},
		set beforeAccept(hook) {
			hooks.beforeAccept = hook;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
