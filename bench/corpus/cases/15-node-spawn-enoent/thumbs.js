const { spawn } = require('child_process');
console.log('making thumbnails');
const convert = spawn('magick-convert', ['in.png', '-resize', '64x64', 'out.png']);
convert.on('exit', (code) => process.exit(code));
