// Meant to start as root and drop to www-data; started as nobody, the drop fails with EPERM.
console.log('dropping privileges to www-data');
process.setgid('www-data');
process.setuid('www-data');
setInterval(() => {}, 1 << 30);
