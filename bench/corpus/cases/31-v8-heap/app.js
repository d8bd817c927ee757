console.log('indexing');
const index = [];
for (;;) index.push(new Array(100000).fill('entry ' + Math.random()));
