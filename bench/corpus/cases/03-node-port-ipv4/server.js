const http = require('http');
http.createServer((req, res) => res.end('ok\n')).listen(47103, '127.0.0.1', () => console.log('listening on 127.0.0.1:47103'));
