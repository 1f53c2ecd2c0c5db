export * from './taxonomy-protocol';
