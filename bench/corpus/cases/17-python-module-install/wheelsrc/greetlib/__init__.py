def hello():
    return "hello from greetlib 1.0"
