/**
 * The answers of a classify item, as module 1 defines them. Kept here, free of zod and of the
 * catalogue, because the quiz view in the browser lists them: importing schema.ts there would
 * ship zod (100 KB) to learners, and zod's eval probe trips the Content Security Policy.
 */
export const CLASSIFY_ANSWERS = ['signaal', 'risicofactor', 'context', 'geen-signaal'] as const;
