// WOFF 1.0 to TrueType, once per process: fontkit inflates a WOFF table on every read, which made
// each certificate PDF several times slower than embedding the same font as plain TrueType.
import { inflateSync } from 'node:zlib';

export function woffToSfnt(woff: Uint8Array): Uint8Array {
	const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
	if (input.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
	const flavor = input.readUInt32BE(4);
	const numTables = input.readUInt16BE(12);
	const tables: { tag: number; checksum: number; data: Buffer }[] = [];
	for (let i = 0; i < numTables; i++) {
		const entry = 44 + i * 20;
		const tag = input.readUInt32BE(entry);
		const offset = input.readUInt32BE(entry + 4);
		const compLength = input.readUInt32BE(entry + 8);
		const origLength = input.readUInt32BE(entry + 12);
		const checksum = input.readUInt32BE(entry + 16);
		const raw = input.subarray(offset, offset + compLength);
		const data = compLength < origLength ? inflateSync(raw) : Buffer.from(raw);
		if (data.length !== origLength) throw new Error('WOFF table has the wrong length');
		tables.push({ tag, checksum, data });
	}
	let power = 1;
	let log2 = 0;
	while (power * 2 <= numTables) {
		power *= 2;
		log2 += 1;
	}
	const headerSize = 12 + numTables * 16;
	const total = tables.reduce((sum, t) => sum + ((t.data.length + 3) & ~3), headerSize);
	const out = Buffer.alloc(total);
	out.writeUInt32BE(flavor, 0);
	out.writeUInt16BE(numTables, 4);
	out.writeUInt16BE(power * 16, 6);
	out.writeUInt16BE(log2, 8);
	out.writeUInt16BE(numTables * 16 - power * 16, 10);
	let offset = headerSize;
	tables.forEach((table, i) => {
		const record = 12 + i * 16;
		out.writeUInt32BE(table.tag, record);
		out.writeUInt32BE(table.checksum, record + 4);
		out.writeUInt32BE(offset, record + 8);
		out.writeUInt32BE(table.data.length, record + 12);
		table.data.copy(out, offset);
		offset += (table.data.length + 3) & ~3;
	});
	return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
