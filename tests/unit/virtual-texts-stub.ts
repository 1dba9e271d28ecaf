/** Resolves the build's virtual source-texts module in unit tests (a file of its own, so each can be mocked). */
export default undefined;
