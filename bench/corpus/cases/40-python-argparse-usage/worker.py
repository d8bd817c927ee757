import argparse

parser = argparse.ArgumentParser(prog="worker.py")
parser.add_argument("--queue", required=True)
parser.add_argument("--concurrency", type=int, default=1)
args = parser.parse_args()
print(f"consuming {args.queue}")
