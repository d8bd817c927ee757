#!/bin/sh
echo "serving"
exec sleep 3600
