"""The loop of a Python benchmark worker (numpy_bench.py, torch_bench.py), as electron/bench/worker-client.ts
talks to it: `{"ready": true}` once the data is loaded, then one JSON task per stdin line answered with
`{"seconds": …}`, or `{"error": …}` without ending the worker."""
import json
import sys


def serve(task, data):
    """Answers tasks from stdin until it closes; `task(request, data)` returns the seconds it measured."""
    print(json.dumps({'ready': True}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            print(json.dumps({'seconds': task(json.loads(line), data)}), flush=True)
        except Exception as error:  # report, keep serving
            print(json.dumps({'error': str(error)}), flush=True)
