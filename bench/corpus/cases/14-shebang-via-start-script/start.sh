set -e
echo "starting worker"
./worker.rb
