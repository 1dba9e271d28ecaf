/** Resolves the build's virtual signatures module in unit tests (apart from the claims index, so each can be mocked). */
export default undefined;
