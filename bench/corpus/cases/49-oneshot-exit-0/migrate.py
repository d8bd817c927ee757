print("applying 3 migrations", flush=True)
print("done", flush=True)
