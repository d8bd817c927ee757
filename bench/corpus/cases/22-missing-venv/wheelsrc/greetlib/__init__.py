def hello():
    return "hello from the venv"
