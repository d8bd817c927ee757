#!/bin/sh
# A one-shot migration step: the API waits for it to complete (depends_on: completed).
echo "migrate: applying 3 migrations"
echo "migrate: done"
