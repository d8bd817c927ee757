set -e
echo "migrating"
@OUTSIDE@/tools/migrate --up
exec sleep 3600
