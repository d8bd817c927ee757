import time

print("processing batch 1", flush=True)
time.sleep(0.2)
raise RuntimeError("invariant violated: negative balance")
