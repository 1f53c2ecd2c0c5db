export * from './candidate-protocol';
