export * from './company-protocol';
