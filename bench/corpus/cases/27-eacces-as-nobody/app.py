import time

print("opening data/app.db", flush=True)
db = open("data/app.db", "a")
while True:
    time.sleep(3600)
