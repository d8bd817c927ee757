import os

url = os.environ["DATABASE_URL"]
print(f"connecting to {url}")
