if (!process.env.API_TOKEN) {
  console.error('Error: API_TOKEN must be set');
  process.exit(78);
}
