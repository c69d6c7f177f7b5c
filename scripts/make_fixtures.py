"""Writes test/fixtures/*.json from numpy: the reference Descent's engine must reproduce.

Run with `npm run fixtures` (needs python3 and numpy; the outputs are committed, so tests do not).
Two training references, in float64:
- `train_reference`: the book's `train_neuralnet.py` loop with its `TwoLayerNet` generalised to more layers,
  ReLU and MSE like Descent's, recording the loss of the gradient's own forward pass (before the update:
  Descent's `lossTiming: 'before-update'`);
- `train_book`: `train_neuralnet.py` itself with the book's `TwoLayerNet`, line for line, which records
  `network.loss(x_batch, t_batch)` after the update (`lossTiming: 'after-update'`). The one change: images
  are scaled to [0, 1] in float64 (the book's `load_mnist` divides in float32), so that the whole run is float64.
"""
import json
import os
import numpy as np
from reference_net import ROOT, BookTwoLayerNet, Net, load_mnist, one_hot

OUT = os.path.join(ROOT, 'test', 'fixtures')


def train_reference(name, layers, activation, loss, lr, batch, iters, seed, train_size):
    x_train, t_train, x_test, t_test = load_mnist()
    x_train, t_train = x_train[:train_size], t_train[:train_size]
    np.random.seed(seed)
    net = Net(layers, activation, loss, 0.01)
    initial = [float(np.sum(w)) for w in net.W]
    iter_per_epoch = max(train_size / batch, 1)
    losses, epochs = [], []
    for i in range(iters):
        mask = np.random.choice(train_size, batch)
        value, gW, gb = net.gradient(x_train[mask], t_train[mask])
        for l in range(len(net.W)):
            net.W[l] -= lr * gW[l]
            net.b[l] -= lr * gb[l]
        losses.append(float(value))
        if i % iter_per_epoch == 0:
            epochs.append({'iteration': i, 'trainAcc': net.accuracy(x_train, t_train), 'testAcc': net.accuracy(x_test, t_test)})
    epochs.append({'iteration': iters, 'trainAcc': net.accuracy(x_train, t_train), 'testAcc': net.accuracy(x_test, t_test)})
    return {
        'name': name,
        'config': {'layers': layers, 'activation': activation, 'loss': loss, 'learningRate': lr, 'batchSize': batch,
                   'iterations': iters, 'seed': seed, 'trainSize': train_size, 'weightInit': 0.01, 'dtype': 'float64',
                   'lossTiming': 'before-update'},
        'initialWeightSums': initial,
        'losses': losses,
        'epochs': epochs,
        'finalWeightSums': [float(np.sum(w)) for w in net.W],
    }


def train_book(name, iters_num, seed, train_size):
    """train_neuralnet.py (ch. 4) as printed, on the first `train_size` training images, seeded."""
    x_train, labels_train, x_test, labels_test = load_mnist()
    x_train, t_train = x_train[:train_size], one_hot(labels_train[:train_size])
    t_test = one_hot(labels_test)
    np.random.seed(seed)
    network = BookTwoLayerNet(input_size=784, hidden_size=50, output_size=10)
    initial = [float(np.sum(network.params['W1'])), float(np.sum(network.params['W2']))]
    batch_size = 100
    learning_rate = 0.1
    train_loss_list = []
    epochs = []
    iter_per_epoch = max(train_size / batch_size, 1)
    for i in range(iters_num):
        batch_mask = np.random.choice(train_size, batch_size)
        x_batch = x_train[batch_mask]
        t_batch = t_train[batch_mask]
        grad = network.gradient(x_batch, t_batch)
        for key in ('W1', 'b1', 'W2', 'b2'):
            network.params[key] -= learning_rate * grad[key]
        loss = network.loss(x_batch, t_batch)
        train_loss_list.append(float(loss))
        if i % iter_per_epoch == 0:
            epochs.append({'iteration': i, 'trainAcc': float(network.accuracy(x_train, t_train)),
                           'testAcc': float(network.accuracy(x_test, t_test))})
    epochs.append({'iteration': iters_num, 'trainAcc': float(network.accuracy(x_train, t_train)),
                   'testAcc': float(network.accuracy(x_test, t_test))})
    return {
        'name': name,
        'config': {'layers': [784, 50, 10], 'activation': 'sigmoid', 'loss': 'cross_entropy', 'learningRate': learning_rate,
                   'batchSize': batch_size, 'iterations': iters_num, 'seed': seed, 'trainSize': train_size, 'weightInit': 0.01,
                   'dtype': 'float64', 'lossTiming': 'after-update'},
        'initialWeightSums': initial,
        'losses': train_loss_list,
        'epochs': epochs,
        'finalWeightSums': [float(np.sum(network.params['W1'])), float(np.sum(network.params['W2']))],
    }


def rng_fixture():
    cases = []
    for seed in [0, 1, 42, 1234, 2**32 - 1]:
        np.random.seed(seed)
        randn_odd = np.random.randn(7).tolist()      # leaves a cached Gaussian behind
        randn_next = np.random.randn(6).tolist()     # starts with the cached value
        choice = np.random.choice(60000, 20).tolist()
        small = np.random.choice(7, 20).tolist()
        power_of_two = np.random.choice(1024, 10).tolist()
        uniform = [np.random.random_sample() for _ in range(5)]
        cases.append({'seed': seed, 'randnOdd': randn_odd, 'randnNext': randn_next, 'choice60000': choice,
                      'choice7': small, 'choice1024': power_of_two, 'randomSample': uniform})
    np.random.seed(2024)
    w1 = 0.01 * np.random.randn(784, 50)
    w2 = 0.01 * np.random.randn(50, 10)
    first_batch = np.random.choice(60000, 100)
    book = {'seed': 2024, 'W1sum': float(np.sum(w1)), 'W1first': w1.ravel()[:5].tolist(), 'W1last': w1.ravel()[-3:].tolist(),
            'W2sum': float(np.sum(w2)), 'W2first': w2.ravel()[:5].tolist(), 'firstBatch': first_batch.tolist()}
    return {'cases': cases, 'twoLayerNetInit': book}


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, 'numpy-rng.json'), 'w') as f:
        json.dump(rng_fixture(), f)
    runs = [
        train_reference('book-sigmoid-ce', [784, 50, 10], 'sigmoid', 'cross_entropy', 0.1, 100, 300, 7, 5000),
        train_reference('relu-mse-3layer', [784, 32, 16, 10], 'relu', 'mse', 0.5, 50, 120, 11, 2000),
        # The same seed and data as book-sigmoid-ce: the same weights, the loss recorded after each update.
        train_book('book-train-neuralnet-after-update', 300, 7, 5000),
    ]
    with open(os.path.join(OUT, 'numpy-training.json'), 'w') as f:
        json.dump({'numpy': np.__version__, 'runs': runs}, f)
    print('fixtures written with numpy', np.__version__)


if __name__ == '__main__':
    main()
