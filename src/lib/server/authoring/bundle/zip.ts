// A small zip writer and a defensive zip reader for module archives. Written here rather than
// taken from a library because the reader must see what libraries hide: the external attributes
// of the central directory (symlinks), every declared size before anything is inflated, and a
// hard stop while inflating once the running total passes the cap (a zip bomb lies about sizes).
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipLimits {
	/** Most entries in the central directory, folders included. */
	maxEntries: number;
	/** Most bytes one file may unpack to. */
	maxFileBytes: number;
	/** Most bytes all files together may unpack to. */
	maxTotalBytes: number;
}

export type ZipProblem =
	| { code: 'not-zip' }
	| { code: 'corrupt' }
	| { code: 'unsupported'; feature: string }
	| { code: 'too-many-entries'; count: number }
	| { code: 'too-large' }
	| { code: 'file-too-large'; name: string }
	| { code: 'traversal'; name: string }
	| { code: 'absolute'; name: string }
	| { code: 'backslash'; name: string }
	| { code: 'bad-name'; name: string }
	| { code: 'symlink'; name: string }
	| { code: 'duplicate'; name: string };

export interface ZipFile {
	name: string;
	data: Uint8Array;
}

export type ZipResult = { ok: true; files: ZipFile[] } | { ok: false; problems: ZipProblem[] };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const UTF8_FLAG = 0x0800;

/** Shortened for messages: a hostile name can be long. */
function shown(name: string): string {
	return name.length > 80 ? name.slice(0, 80) + '…' : name;
}

/** Why an entry name is unsafe to extract anywhere, or undefined when it is fine. */
function unsafeName(name: string): ZipProblem | undefined {
	const n = shown(name);
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(name) || name.length > 255) return { code: 'bad-name', name: n };
	if (name.includes('\\')) return { code: 'backslash', name: n };
	if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return { code: 'absolute', name: n };
	if (name.split('/').some((part) => part === '..')) return { code: 'traversal', name: n };
	if (name.split('/').some((part, i, all) => part === '.' || (part === '' && i < all.length - 1)))
		return { code: 'bad-name', name: n };
	return undefined;
}

/**
 * Reads a zip archive held in memory. Everything is checked from the central directory first
 * (count, names, symlinks, declared sizes); files are inflated only when all of that passed, with
 * the output capped at what is left of the total budget, and their CRC checked.
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits): ZipResult {
	const fail = (...problems: ZipProblem[]): ZipResult => ({ ok: false, problems });
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const u16 = (at: number) => view.getUint16(at, true);
	const u32 = (at: number) => view.getUint32(at, true);

	// The end-of-central-directory record: 22 bytes plus a comment of at most 65535 bytes.
	let eocd = -1;
	for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
		if (u32(at) === EOCD && at + 22 + u16(at + 20) === bytes.length) {
			eocd = at;
			break;
		}
	}
	if (eocd < 0) {
		return fail(u32OrZero(view, 0) === LOCAL ? { code: 'corrupt' } : { code: 'not-zip' });
	}
	const disk = u16(eocd + 4);
	const cdDisk = u16(eocd + 6);
	const count = u16(eocd + 10);
	const cdSize = u32(eocd + 12);
	const cdOffset = u32(eocd + 16);
	if (disk !== 0 || cdDisk !== 0 || u16(eocd + 8) !== count) {
		return fail({ code: 'unsupported', feature: 'multi-disk' });
	}
	if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
		return fail({ code: 'unsupported', feature: 'zip64' });
	}
	if (count > limits.maxEntries) return fail({ code: 'too-many-entries', count });
	if (cdOffset + cdSize > eocd) return fail({ code: 'corrupt' });

	interface Entry {
		name: string;
		method: number;
		crc: number;
		compressed: number;
		size: number;
		local: number;
	}
	const entries: Entry[] = [];
	const problems: ZipProblem[] = [];
	const names = new Set<string>();
	let declaredTotal = 0;
	let at = cdOffset;
	for (let i = 0; i < count; i++) {
		if (at + 46 > eocd || u32(at) !== CENTRAL) return fail({ code: 'corrupt' });
		const flags = u16(at + 8);
		const method = u16(at + 10);
		const crc = u32(at + 16);
		const compressed = u32(at + 20);
		const size = u32(at + 24);
		const nameLength = u16(at + 28);
		const extraLength = u16(at + 30);
		const commentLength = u16(at + 32);
		const external = u32(at + 38);
		const local = u32(at + 42);
		const end = at + 46 + nameLength + extraLength + commentLength;
		if (end > eocd) return fail({ code: 'corrupt' });
		const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
		at = end;

		let name: string;
		try {
			name = new TextDecoder('utf-8', { fatal: true }).decode(rawName);
		} catch {
			problems.push({ code: 'bad-name', name: shown(new TextDecoder('latin1').decode(rawName)) });
			continue;
		}
		const unsafe = unsafeName(name);
		if (unsafe) {
			problems.push(unsafe);
			continue;
		}
		// The upper 16 bits are the Unix mode for archives made on Unix; S_IFLNK marks a symlink,
		// whose "content" is the link target. Refused whatever the host byte says.
		if (((external >>> 16) & S_IFMT) === S_IFLNK) {
			problems.push({ code: 'symlink', name: shown(name) });
			continue;
		}
		if (names.has(name)) {
			problems.push({ code: 'duplicate', name: shown(name) });
			continue;
		}
		names.add(name);
		if (name.endsWith('/')) continue; // a folder: nothing to unpack
		if (flags & 0x0001) return fail({ code: 'unsupported', feature: 'encryption' });
		if (method !== 0 && method !== 8)
			return fail({ code: 'unsupported', feature: `method ${method}` });
		if (size === 0xffffffff || compressed === 0xffffffff) {
			return fail({ code: 'unsupported', feature: 'zip64' });
		}
		if (size > limits.maxFileBytes) {
			problems.push({ code: 'file-too-large', name: shown(name) });
			continue;
		}
		declaredTotal += size;
		entries.push({ name, method, crc, compressed, size, local });
	}
	if (at !== cdOffset + cdSize) problems.push({ code: 'corrupt' });
	if (declaredTotal > limits.maxTotalBytes) problems.push({ code: 'too-large' });
	if (problems.length > 0) return fail(...problems);

	const files: ZipFile[] = [];
	let total = 0;
	for (const e of entries) {
		if (e.local + 30 > cdOffset || u32(e.local) !== LOCAL) return fail({ code: 'corrupt' });
		const start = e.local + 30 + u16(e.local + 26) + u16(e.local + 28);
		if (start + e.compressed > cdOffset) return fail({ code: 'corrupt' });
		const raw = bytes.subarray(start, start + e.compressed);
		let data: Uint8Array;
		if (e.method === 0) data = raw;
		else {
			// The declared sizes passed, but they may lie: inflate no further than the budget left.
			const budget = limits.maxTotalBytes - total;
			try {
				data = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
			} catch (err) {
				if (err instanceof RangeError) return fail({ code: 'too-large' });
				return fail({ code: 'corrupt' });
			}
		}
		total += data.length;
		if (total > limits.maxTotalBytes) return fail({ code: 'too-large' });
		if (data.length !== e.size || crc32(data) >>> 0 !== e.crc) return fail({ code: 'corrupt' });
		files.push({ name: e.name, data });
	}
	return { ok: true, files };
}

function u32OrZero(view: DataView, at: number): number {
	return view.byteLength >= at + 4 ? view.getUint32(at, true) : 0;
}

export interface ZipEntryInput {
	name: string;
	data: Uint8Array;
	/** Unix mode for the external attributes; a regular file 0644 unless given (tests craft others). */
	mode?: number;
	/** 0 = stored, 8 = deflated (the default when it saves space). */
	method?: 0 | 8;
}

/**
 * Writes a zip archive. Deterministic: every entry is dated 1980-01-01, so the same module gives
 * the same bytes. Names are written as given (the caller builds safe ones).
 */
export function writeZip(inputs: ZipEntryInput[]): Uint8Array {
	const chunks: Uint8Array[] = [];
	const central: Uint8Array[] = [];
	let offset = 0;
	for (const input of inputs) {
		const name = new TextEncoder().encode(input.name);
		const deflated = input.method === 0 ? undefined : deflateRawSync(input.data, { level: 9 });
		const useDeflate =
			deflated !== undefined && (input.method === 8 || deflated.length < input.data.length);
		const body = useDeflate ? deflated! : input.data;
		const crc = crc32(input.data) >>> 0;
		const mode = input.mode ?? S_IFREG | 0o644;

		const local = new DataView(new ArrayBuffer(30));
		local.setUint32(0, LOCAL, true);
		local.setUint16(4, 20, true); // version needed: 2.0
		local.setUint16(6, UTF8_FLAG, true);
		local.setUint16(8, useDeflate ? 8 : 0, true);
		local.setUint16(10, 0, true); // time 00:00
		local.setUint16(12, 0x21, true); // date 1980-01-01
		local.setUint32(14, crc, true);
		local.setUint32(18, body.length, true);
		local.setUint32(22, input.data.length, true);
		local.setUint16(26, name.length, true);
		local.setUint16(28, 0, true);

		const entry = new DataView(new ArrayBuffer(46));
		entry.setUint32(0, CENTRAL, true);
		entry.setUint16(4, (3 << 8) | 20, true); // made by: Unix, zip 2.0
		entry.setUint16(6, 20, true);
		entry.setUint16(8, UTF8_FLAG, true);
		entry.setUint16(10, useDeflate ? 8 : 0, true);
		entry.setUint16(12, 0, true);
		entry.setUint16(14, 0x21, true);
		entry.setUint32(16, crc, true);
		entry.setUint32(20, body.length, true);
		entry.setUint32(24, input.data.length, true);
		entry.setUint16(28, name.length, true);
		entry.setUint32(38, (mode << 16) >>> 0, true);
		entry.setUint32(42, offset, true);

		chunks.push(new Uint8Array(local.buffer), name, body);
		central.push(new Uint8Array(entry.buffer), name);
		offset += 30 + name.length + body.length;
	}
	const cdSize = central.reduce((n, c) => n + c.length, 0);
	const end = new DataView(new ArrayBuffer(22));
	end.setUint32(0, EOCD, true);
	end.setUint16(8, inputs.length, true);
	end.setUint16(10, inputs.length, true);
	end.setUint32(12, cdSize, true);
	end.setUint32(16, offset, true);
	const all = [...chunks, ...central, new Uint8Array(end.buffer)];
	const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
	let at = 0;
	for (const c of all) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}
