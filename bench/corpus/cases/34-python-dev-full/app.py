print("writing the journal", flush=True)
with open("/dev/full", "w") as journal:
    journal.write("entry 1\n" * 100)
