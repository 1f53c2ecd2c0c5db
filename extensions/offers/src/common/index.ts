export * from './offer-protocol';
export * from './placement-protocol';
