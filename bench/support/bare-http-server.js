'use strict';
// The floor of every HTTP figure: node:http alone, answering a small JSON body, in a process of
// its own like the API's. Plain JavaScript so that nothing (ts-node, Nest) is loaded.
const http = require('node:http');

const body = Buffer.from('{}');
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.once('disconnect', () => server.close(() => process.exit(0)));
