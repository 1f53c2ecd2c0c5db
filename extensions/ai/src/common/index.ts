export * from './ai-answers';
export * from './ai-errors';
export * from './ai-protocol';
export * from './ai-provider';
