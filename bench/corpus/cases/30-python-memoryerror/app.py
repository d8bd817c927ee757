import resource

resource.setrlimit(resource.RLIMIT_AS, (300 << 20, 300 << 20))
print("loading the model", flush=True)
weights = bytearray(400 << 20)
