// The polyfill, handed over inside an object of one property. An ES module that imports a CommonJS one gets a
// copy of each of its properties, and in a browser with a native `browser` namespace the polyfill is that
// namespace: copying it builds every API's bindings (about 3 ms in a page). Wrapped, one property is copied.
module.exports = { browser: require('webextension-polyfill') };
