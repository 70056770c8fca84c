/**
 * Test doubles, published as `beian/testing`: a local OpenAI-compatible model with fault
 * injection, for your own CI and for `beian demo`. Nothing in the library imports this.
 */
export { type MockFault, type MockServer, startMockModel } from './mock-model.js';
