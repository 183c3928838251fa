// Size limits of a module archive upload.
export { MAX_FILE_BYTES } from '../../content';

/** Largest upload: below the server's 512 KB request body limit, with room for the form. */
export const MAX_ARCHIVE_BYTES = 400 * 1024;
/** Entries in the central directory, folders included: a module has at most 99 steps of 3 files. */
export const MAX_ENTRIES = 400;
/** All files unpacked together; the largest shipped module is about 160 KB. */
export const MAX_UNPACKED_BYTES = 2 * 1024 * 1024;
/** Shown to users at most; the rest is counted. */
export const MAX_MESSAGES = 20;
