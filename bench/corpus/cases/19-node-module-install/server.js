const leftpad = require('leftpad-lite');
console.log(leftpad('ready', 8));
setInterval(() => {}, 1 << 30);
