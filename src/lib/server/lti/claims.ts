// The LTI 1.3 claim names (1EdTech LTI Core 1.3, Deep Linking 2.0, AGS 2.0) and message types.
export const LTI_VERSION = '1.3.0';
const lti = 'https://purl.imsglobal.org/spec/lti/claim/';
export const claim = {
	messageType: `${lti}message_type`,
	version: `${lti}version`,
	deploymentId: `${lti}deployment_id`,
	targetLinkUri: `${lti}target_link_uri`,
	resourceLink: `${lti}resource_link`,
	roles: `${lti}roles`,
	context: `${lti}context`,
	launchPresentation: `${lti}launch_presentation`,
	deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
	contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
	data: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
	agsEndpoint: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint'
} as const;

export const messageTypes = {
	resourceLink: 'LtiResourceLinkRequest',
	deepLinkingRequest: 'LtiDeepLinkingRequest',
	deepLinkingResponse: 'LtiDeepLinkingResponse'
} as const;

export const scoreScope = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';
