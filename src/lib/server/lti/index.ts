// The public face of the LTI 1.3 domain: routes and hooks import only this file.
export { toolJwks, toolKey } from './keys';
export { listPlatforms, registerPlatform, toolUrls } from './registrations';
export { completeLaunch, findDeepLink, startLogin } from './launch';
export { modulesFor, respondToDeepLink } from './deep-linking';
export { listScoreQueue, retryScoresNow, startScoreWorker, stopScoreWorker } from './passback';
export { isForbiddenCrossSiteForm, isLtiPath, relaxFramingForPlatforms } from './http';
export { clearStateCookie, readStateCookie, setStateCookie } from './cookies';
