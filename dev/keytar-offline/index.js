'use strict';
// Any call means something tried to use Forge CLI credentials, which this project never does
// offline: fail loudly rather than pretend a secret store exists.
function unavailable() {
  return Promise.reject(
    new Error('keytar is not available: this project runs the Forge linter offline and never stores credentials'),
  );
}
module.exports = {
  getPassword: unavailable,
  setPassword: unavailable,
  deletePassword: unavailable,
  findCredentials: unavailable,
  findPassword: unavailable,
};
