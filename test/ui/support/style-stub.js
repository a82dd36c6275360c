/** Stands in for CSS files in component tests (jest.config.js moduleNameMapper). */
module.exports = {};
