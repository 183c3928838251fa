// Dutch (nl-BE) interface text, one module per section. A page that imports `messages` from
// $lib/i18n and reads `messages.section.key` gets only the sections it reads: `messages` is this
// module's namespace, which the bundler tree-shakes by section. Keep user-facing strings here so
// French (Brussels) can follow.
export { app } from './app';
export { nav } from './nav';
export { helpLine } from './helpLine';
export { helpLineBox } from './helpLineBox';
export { footer } from './footer';
export { roles } from './roles';
export { audiences } from './audiences';
export { password } from './password';
export { form } from './form';
export { auth } from './auth';
export { errors } from './errors';
export { mail } from './mail';
export { learn } from './learn';
export { quizItems } from './quizItems';
export { certificates } from './certificates';
export { signalCard } from './signalCard';
export { manager } from './manager';
export { account } from './account';
export { authoring } from './authoring';
export { authoringZip } from './authoringZip';
export { pretest } from './pretest';
export { authoringLearner } from './authoringLearner';
export { authoringEditor } from './authoringEditor';
export { authoringValidate } from './authoringValidate';
export { codes } from './codes';
export { lti } from './lti';
export { home } from './home';
export { lesson } from './lesson';
export { invitations } from './invitations';
export { csvInput } from './csvInput';
export { sso } from './sso';
