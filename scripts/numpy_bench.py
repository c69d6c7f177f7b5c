"""The numpy side of `descent bench`: the book's algorithm, timed the same way as Descent's worker.

As a worker (no arguments) it answers one JSON task per stdin line, like electron/bench/worker.ts:
  {"kind": "step", "dtype": "float32", "steps": 300}   mini-batch training steps (the book's loop body)
  {"kind": "evaluate", "dtype": "float32"}             accuracy on all 70 000 images
  {"kind": "numgrad", "batch": 100}                    the book's numerical gradient, float64
With the argument `run [ITERATIONS]` it is one whole `train_neuralnet.py` run and prints its peak memory.
Run it with one BLAS thread to compare one core with one core.
"""
import json
import resource
import sys
import time
import numpy as np
from bench_worker import serve
from reference_net import Net, load_mnist, numerical_gradient

DTYPES = {'float32': np.float32, 'float64': np.float64}


def train_steps(net, x_train, t_train, steps, lr=0.1, batch=100):
    """Iterations of train_neuralnet.py: gradient, SGD, then the loss of the updated network on the batch
    (Descent's default lossTiming, 'after-update', does the same work)."""
    for _ in range(steps):
        mask = np.random.choice(x_train.shape[0], batch)
        x_batch, t_batch = x_train[mask], t_train[mask]
        _, gW, gb = net.gradient(x_batch, t_batch)
        for l in range(len(net.W)):
            net.W[l] -= lr * gW[l]
            net.b[l] -= lr * gb[l]
        net.loss(x_batch, t_batch)


def task(request, data):
    dtype = DTYPES[request.get('dtype', 'float64')]
    x_train, t_train, x_test, t_test = data[dtype]
    np.random.seed(1)
    net = Net([784, 50, 10], 'sigmoid', 'cross_entropy', 0.01, dtype)
    if request['kind'] == 'step':
        train_steps(net, x_train, t_train, 20)
        started = time.perf_counter()
        train_steps(net, x_train, t_train, request['steps'])
        return time.perf_counter() - started
    if request['kind'] == 'evaluate':
        started = time.perf_counter()
        net.accuracy(x_train, t_train)
        net.accuracy(x_test, t_test)
        return time.perf_counter() - started
    if request['kind'] == 'numgrad':
        x, t = x_train[:request['batch']], t_train[:request['batch']]
        started = time.perf_counter()
        for param in net.W + net.b:
            numerical_gradient(lambda _: net.loss(x, t), param)
        return time.perf_counter() - started
    raise ValueError(f"unknown task {request['kind']}")


def whole_run(iterations):
    """`train_neuralnet.py`: load, train, evaluate when i % iter_per_epoch == 0 (float32 data, as the book)."""
    x_train, t_train, x_test, t_test = load_mnist(np.float32)
    net = Net([784, 50, 10], 'sigmoid', 'cross_entropy', 0.01)
    iter_per_epoch = max(x_train.shape[0] / 100, 1)
    for i in range(iterations):
        train_steps(net, x_train, t_train, 1)
        if i % iter_per_epoch == 0:
            net.accuracy(x_train, t_train)
            test_acc = net.accuracy(x_test, t_test)
    test_acc = net.accuracy(x_test, t_test)
    # ru_maxrss is in KiB on Linux.
    print(json.dumps({'testAcc': test_acc, 'maxRssBytes': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == 'run':
        whole_run(int(sys.argv[2]) if len(sys.argv) > 2 else 10000)
        return
    data = {dtype: load_mnist(dtype) for dtype in (np.float32, np.float64)}
    serve(task, data)


if __name__ == '__main__':
    main()
