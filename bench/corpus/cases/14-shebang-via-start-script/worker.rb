#!/usr/bin/ruby2.7
puts "working"
