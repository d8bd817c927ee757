import django  # noqa: F401  (ModuleNotFoundError when the venv lacks it: aurora diagnoses missing_dependency)

print("listening on 8000", flush=True)
