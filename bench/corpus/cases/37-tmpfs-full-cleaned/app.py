import time

# Writes a 200 KiB export into data/ (a 512 KiB tmpfs that old temp files have filled), then serves.
with open("data/export.bin", "wb") as f:
    f.write(b"x" * (200 << 10))
print("export written; serving", flush=True)
while True:
    time.sleep(3600)
