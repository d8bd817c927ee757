// The listen error is wrapped in an application error: EADDRINUSE shows only as its [cause], in the stack.
const net = require('net');
function start(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer((c) => c.end());
    server.once('error', (err) => reject(new Error('could not start the API server', { cause: err })));
    server.listen(port, '::1', () => resolve(server));
  });
}
start(47104).then(() => console.log('API up on [::1]:47104'));
