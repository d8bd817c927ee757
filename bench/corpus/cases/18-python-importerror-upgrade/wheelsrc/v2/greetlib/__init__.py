def hello():
    return "hello from greetlib 2.0"


def farewell():
    return "goodbye from greetlib 2.0"
