export * from './matching-protocol';
export * from './matching-weights';
