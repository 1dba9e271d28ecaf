/** Resolves the build's virtual claims module in unit tests; each test mocks what it imports. */
export default undefined;
