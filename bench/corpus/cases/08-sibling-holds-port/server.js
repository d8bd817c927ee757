const http = require('http');
http.createServer((req, res) => res.end('api\n')).listen(47108, '127.0.0.1');
