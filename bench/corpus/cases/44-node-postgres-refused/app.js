const net = require('net');
const db = net.connect(47144, '127.0.0.1', () => {
  console.log('connected to postgres');
  require('http').createServer((q, r) => r.end('ok')).listen(47244, '127.0.0.1');
});
