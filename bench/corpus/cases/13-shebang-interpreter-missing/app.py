#!/usr/bin/python2.7
print("hello from python 2")
