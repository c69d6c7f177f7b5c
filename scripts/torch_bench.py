"""The PyTorch side of `descent bench`: the same network trained the way a PyTorch user would (autograd and
torch.optim.SGD on the CPU, one thread), timed like Descent's and numpy's workers.

A worker: answers one JSON task per stdin line, like scripts/numpy_bench.py (only `step` here):
  {"kind": "step", "dtype": "float32", "steps": 300}   mini-batch training steps
Each step does what Descent's default step does: sample 100 images, forward, backward, SGD update with
learning rate 0.1, then the loss of the updated network on the batch (lossTiming 'after-update', as
numpy_bench.py's train_steps). The bench runs it only where `import torch` works (Debian's python3-torch,
with libopenblas0-pthread so that BLAS is not the reference one).
"""
import time

import numpy as np
import torch

from bench_worker import serve
from reference_net import load_mnist

DTYPES = {'float32': (np.float32, torch.float32), 'float64': (np.float64, torch.float64)}


def network(dtype):
    """The book's TwoLayerNet(784, 50, 10): weights N(0, 0.01²), zero biases, sigmoid hidden layer."""
    torch.manual_seed(1)
    net = torch.nn.Sequential(torch.nn.Linear(784, 50), torch.nn.Sigmoid(), torch.nn.Linear(50, 10)).to(dtype)
    with torch.no_grad():
        for layer in (net[0], net[2]):
            layer.weight.normal_(0, 0.01)
            layer.bias.zero_()
    return net


def train_steps(net, optimizer, x_train, t_train, steps, batch=100):
    loss_of = torch.nn.CrossEntropyLoss()
    for _ in range(steps):
        mask = torch.randint(0, x_train.shape[0], (batch,))
        x_batch, t_batch = x_train[mask], t_train[mask]
        optimizer.zero_grad(set_to_none=True)
        loss_of(net(x_batch), t_batch).backward()
        optimizer.step()
        with torch.no_grad():
            loss_of(net(x_batch), t_batch)


def task(request, data):
    if request['kind'] != 'step':
        raise ValueError(f"the PyTorch worker measures training steps only, not {request['kind']}")
    x_train, t_train = data[request.get('dtype', 'float32')]
    net = network(x_train.dtype)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
    train_steps(net, optimizer, x_train, t_train, 20)  # warm-up, outside the timed part
    started = time.perf_counter()
    train_steps(net, optimizer, x_train, t_train, request['steps'])
    return time.perf_counter() - started


def main():
    torch.set_num_threads(1)
    data = {}
    for name, (np_dtype, _) in DTYPES.items():
        x_train, t_train, _, _ = load_mnist(np_dtype)
        data[name] = (torch.from_numpy(x_train), torch.from_numpy(t_train))
    serve(task, data)


if __name__ == '__main__':
    main()
