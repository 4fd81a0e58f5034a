// Runtime entry of the workspace package: the library is compiled with the apps into /dist.
module.exports = require('../../dist/libs/worker/src/index.js');
