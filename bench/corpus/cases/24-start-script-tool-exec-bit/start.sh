set -e
echo "migrating"
./tools/migrate --up
exec sleep 3600
