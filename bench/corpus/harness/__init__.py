"""The diagnosis corpus harness: real failing programs brought up under Aurora, judged on cause, outcome and harm."""
