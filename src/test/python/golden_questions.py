#!/usr/bin/python3
"""Writes the golden fixture of whole questions: src/test/resources/golden/questions/questions.json.

An independent oracle for what a question's proof rests on. Each case is a question's setup as a
course writes it (dims, inputs, forward lines in gradproof's claim language ending in a scalar
objective) with its PyTorch equivalent written by hand here. On inputs drawn from a seeded generator
the script records, in float64, the value of every forward line and the gradient of the objective
with respect to every float input and every intermediate forward name (PyTorch's autograd, with
retain_grad on the intermediates). GoldenQuestionsTest runs the forward lines through gradproof's
claim checker, evaluator and autograd engine on the same inputs, as a verification trial does, and
compares every value and every gradient.

The corpus covers the course's usual objectives: a linear layer with an MSE loss, a two-layer MLP
with a batched softmax cross-entropy (library and hand-written), logistic regression, matmul chains,
broadcasting, layer and batch normalisation, a single attention head, a two-step RNN, convolutions
with pooling, and einsum.

Run from the repository root:  /usr/bin/python3 src/test/python/golden_questions.py
(torch 1.13, numpy 1.24: Debian's python3-torch and python3-numpy). The output is deterministic
(seeded per case); commit it with the change that needs it. `mvn install` never runs this script.
"""

import json
import os
import zlib

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
OUT = os.path.join("src", "test", "resources", "golden", "questions", "questions.json")

CASES = []


def question(name, dims, inputs, forward, reference):
    """Declares one question.

    dims: {name: size}.
    inputs: {name: (axes, kind)}, axes a list of dim names or integers, kind one of 'normal',
        'positive', 'uniform' or ('labels', K) with K a dim name.
    forward: the forward lines, 'name = expression', the last one the scalar objective.
    reference: a function of the inputs as torch tensors (floats require grad, labels are int64)
        returning {name: tensor} for every forward name, in order.
    """
    CASES.append(dict(name=name, dims=dims, inputs=inputs, forward=forward, reference=reference))


def chain(**steps):
    """Runs the steps in order, each a function of the values of the steps before it."""
    out = {}
    for name, step in steps.items():
        out[name] = step(*out.values())
    return out


# ---- layers and losses ----
question("linear layer, MSE loss", {"B": 5, "D": 4, "O": 3},
         {"x": (["B", "D"], "normal"), "W": (["D", "O"], "normal"), "b": (["O"], "normal"),
          "t": (["B", "O"], "normal")},
         ["y = x @ W + b", "L = mse_loss(y, t)"], lambda x, W, b, t: chain(y=lambda: x @ W + b, L=lambda y: F.mse_loss(y, t)))


def mlp(x, W1, b1, W2, b2, y):
    a = x @ W1 + b1
    h = F.relu(a)
    z = h @ W2 + b2
    return {"a": a, "h": h, "z": z, "L": F.cross_entropy(z, y)}


question("two-layer MLP, softmax cross-entropy", {"B": 6, "D": 4, "H": 5, "K": 3},
         {"x": (["B", "D"], "normal"), "W1": (["D", "H"], "normal"), "b1": (["H"], "normal"),
          "W2": (["H", "K"], "normal"), "b2": (["K"], "normal"), "y": (["B"], ("labels", "K"))},
         ["a = x @ W1 + b1", "h = relu(a)", "z = h @ W2 + b2", "L = cross_entropy(z, y)"], mlp)


def manual_ce(z, y):
    p = torch.softmax(z, dim=1)
    picked = p[torch.arange(z.shape[0]), y]
    return {"p": p, "picked": picked, "L": -torch.mean(torch.log(picked))}


question("softmax cross-entropy by hand, batched", {"B": 7, "K": 4},
         {"z": (["B", "K"], "normal"), "y": (["B"], ("labels", "K"))},
         ["p = softmax(z, dim=1)", "picked = p[arange(B), y]", "L = -mean(log(picked))"], manual_ce)


def nll(z, y):
    lp = F.log_softmax(z, dim=-1)
    return {"lp": lp, "L": -torch.sum(lp * F.one_hot(y, 5).double()) / 6}


question("log-softmax with one-hot targets", {"B": 6, "K": 5},
         {"z": (["B", "K"], "normal"), "y": (["B"], ("labels", "K"))},
         ["lp = log_softmax(z, dim=-1)", "L = -sum(lp * one_hot(y, K)) / B"], nll)


def logistic(x, w, c, t):
    s = x @ w + c
    p = torch.sigmoid(s)
    return {"s": s, "p": p, "L": -torch.mean(t * torch.log(p) + (1 - t) * torch.log(1 - p))}


question("logistic regression, binary cross-entropy", {"N": 8, "D": 3},
         {"x": (["N", "D"], "normal"), "w": (["D"], "normal"), "c": ([], "normal"), "t": (["N"], "uniform01")},
         ["s = x @ w + c", "p = sigmoid(s)", "L = -mean(t * log(p) + (1 - t) * log(1 - p))"], logistic)

# ---- products and broadcasting ----
question("matmul chain", {"M": 3, "K": 4, "N": 5, "P": 2},
         {"A": (["M", "K"], "normal"), "B": (["K", "N"], "normal"), "E": (["N", "P"], "normal")},
         ["C = A @ B", "D = C @ E", "L = sum(D * D)"],
         lambda A, B, E: chain(C=lambda: A @ B, D=lambda C: C @ E, L=lambda C, D: torch.sum(D * D)))
question("matrix-vector chain with a transpose", {"M": 4, "N": 3},
         {"A": (["M", "N"], "normal"), "v": (["M"], "normal"), "u": (["N"], "normal")},
         ["g = A.T @ v", "q = A @ (g * u)", "L = dot(q, v) + 1000"],
         lambda A, v, u: chain(g=lambda: A.T @ v, q=lambda g: A @ (g * u), L=lambda g, q: torch.dot(q, v) + 1000))


def broadcast(x, b, g):
    s = x + b
    u = s * g[:, None]
    return {"s": s, "u": u, "L": torch.sum(torch.tanh(u)) + torch.sum(s ** 2) / 3}


question("broadcasting a bias and a column scale", {"R": 4, "C": 3},
         {"x": (["R", "C"], "normal"), "b": (["C"], "normal"), "g": (["R"], "normal")},
         ["s = x + b", "u = s * g[:, None]", "L = sum(tanh(u)) + sum(s ** 2) / 3"], broadcast)
question("outer product and trace", {"N": 4},
         {"a": (["N"], "normal"), "b": (["N"], "normal"), "M": (["N", "N"], "normal")},
         ["P = outer(a, b) + M", "L = trace(P @ P) - sum(P * eye(N))"],
         lambda a, b, M: chain(P=lambda: torch.outer(a, b) + M,
                               L=lambda P: torch.trace(P @ P) - torch.sum(P * torch.eye(4))))


def bilinear(x, W, y):
    s = torch.einsum("bi,ij,bj->b", x, W, y)
    return {"s": s, "L": torch.sum(s ** 2) / 2}


question("einsum bilinear form", {"B": 3, "I": 4, "J": 2},
         {"x": (["B", "I"], "normal"), "W": (["I", "J"], "normal"), "y": (["B", "J"], "normal")},
         ["s = einsum('bi,ij,bj->b', x, W, y)", "L = sum(s ** 2) / 2"], bilinear)

# ---- normalisation ----


def layer_norm(x, gamma, beta, t):
    mu = torch.mean(x, dim=1, keepdim=True)
    v = torch.var(x, dim=1, unbiased=False, keepdim=True)
    xh = (x - mu) / torch.sqrt(v + 1e-5)
    y = xh * gamma + beta
    return {"mu": mu, "v": v, "xh": xh, "y": y, "L": torch.sum(y * t)}


question("layer normalisation", {"B": 4, "D": 5},
         {"x": (["B", "D"], "normal"), "gamma": (["D"], "positive"), "beta": (["D"], "normal"),
          "t": (["B", "D"], "normal")},
         ["mu = mean(x, axis=1, keepdims=True)", "v = var(x, axis=1, keepdims=True)",
          "xh = (x - mu) / sqrt(v + 1e-5)", "y = xh * gamma + beta", "L = sum(y * t)"], layer_norm)


def batch_norm(x, t):
    xh = (x - torch.mean(x, dim=0)) / torch.std(x, dim=0, unbiased=False)
    return {"xh": xh, "L": torch.sum(xh * t) + torch.mean(xh ** 3)}


question("batch normalisation without affine", {"B": 6, "D": 3},
         {"x": (["B", "D"], "normal"), "t": (["B", "D"], "normal")},
         ["xh = (x - mean(x, axis=0)) / std(x, axis=0)", "L = sum(xh * t) + mean(xh ** 3)"], batch_norm)

# ---- attention and recurrence ----


def attention(Q, Km, V, G):
    S = Q @ Km.T / 4 ** 0.5
    A = torch.softmax(S, dim=-1)
    O = A @ V
    return {"S": S, "A": A, "O": O, "L": torch.sum(O * G)}


question("one attention head", {"T": 3, "N": 5, "D": 4},
         {"Q": (["T", "D"], "normal"), "Km": (["N", "D"], "normal"), "V": (["N", "D"], "normal"),
          "G": (["T", "D"], "normal")},
         ["S = Q @ Km.T / D ** 0.5", "A = softmax(S, dim=-1)", "O = A @ V", "L = sum(O * G)"],
         attention)


def causal_attention(X, Wq, Wk):
    q = X @ Wq
    k = X @ Wk
    S = q @ k.T + torch.triu(torch.full((4, 4), -1e9), diagonal=1)
    A = torch.softmax(S, dim=1)
    return {"q": q, "k": k, "S": S, "A": A, "L": torch.sum(A @ X * X)}


question("causal self-attention scores", {"N": 4, "D": 3},
         {"X": (["N", "D"], "normal"), "Wq": (["D", "D"], "normal"), "Wk": (["D", "D"], "normal")},
         ["q = X @ Wq", "k = X @ Wk", "S = q @ k.T + triu(ones((N, N)), k=1) * -1e9", "A = softmax(S, dim=1)",
          "L = sum(A @ X * X)"], causal_attention)


def rnn(x0, x1, h0, Wx, Wh):
    h1 = torch.tanh(x0 @ Wx + h0 @ Wh)
    h2 = torch.tanh(x1 @ Wx + h1 @ Wh)
    return {"h1": h1, "h2": h2, "L": torch.sum(h2 ** 2)}


question("two steps of an RNN", {"B": 2, "D": 3, "H": 4},
         {"x0": (["B", "D"], "normal"), "x1": (["B", "D"], "normal"), "h0": (["B", "H"], "normal"),
          "Wx": (["D", "H"], "normal"), "Wh": (["H", "H"], "normal")},
         ["h1 = tanh(x0 @ Wx + h0 @ Wh)", "h2 = tanh(x1 @ Wx + h1 @ Wh)", "L = sum(h2 ** 2)"], rnn)

# ---- convolutions ----


def conv_net(x, w, c, v):
    y = F.conv2d(x, w, c, stride=1, padding=1)
    r = F.relu(y)
    m = F.max_pool2d(r, 2)
    return {"y": y, "r": r, "m": m, "L": torch.sum(m * v)}


question("conv2d, relu, max-pool", {"B": 2, "C": 2, "F": 3},
         {"x": (["B", "C", 4, 4], "normal"), "w": (["F", "C", 3, 3], "normal"), "c": (["F"], "normal"),
          "v": (["B", "F", 2, 2], "normal")},
         ["y = conv2d(x, w, c, stride=1, padding=1)", "r = relu(y)", "m = max_pool2d(r, 2)", "L = sum(m * v)"],
         conv_net)


def conv1d_net(x, w):
    y = F.conv1d(x, w, stride=2)
    p = F.avg_pool2d(y[:, None], (1, 2))
    return {"y": y, "p": p, "L": torch.mean(F.softplus(p))}


question("strided conv1d and average pooling", {"B": 2, "C": 3, "F": 2},
         {"x": (["B", "C", 9], "normal"), "w": (["F", "C", 3], "normal")},
         ["y = conv1d(x, w, stride=2)", "p = avg_pool2d(y[:, None], (1, 2))", "L = mean(softplus(p))"],
         conv1d_net)


def draw(rng, axes, kind, dims):
    shape = tuple(dims[a] if isinstance(a, str) else a for a in axes)
    if kind == "normal":
        return rng.normal(size=shape)
    if kind == "positive":
        return rng.uniform(0.5, 2.0, size=shape)
    if kind == "uniform01":
        return rng.uniform(0.0, 1.0, size=shape)
    return rng.integers(0, dims[kind[1]], size=shape).astype(np.float64)


def is_labels(kind):
    return isinstance(kind, tuple)


def tensor_json(a):
    a = np.asarray(a, dtype=np.float64)
    assert np.all(np.isfinite(a)), "fixtures hold finite values only"
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def run(c):
    rng = np.random.default_rng(zlib.crc32(c["name"].encode()))
    values = {n: draw(rng, axes, kind, c["dims"]) for n, (axes, kind) in c["inputs"].items()}
    args = {}
    for n, (axes, kind) in c["inputs"].items():
        if is_labels(kind):
            args[n] = torch.tensor(values[n].astype(np.int64))
        else:
            args[n] = torch.tensor(values[n], requires_grad=True)
    names = [line.split("=", 1)[0].strip() for line in c["forward"]]
    out = c["reference"](*args.values())
    assert list(out) == names, "%s: the reference defines %s, the forward lines %s" % (c["name"], list(out), names)
    for n in names[:-1]:
        out[n].retain_grad()
    objective = out[names[-1]]
    assert objective.dim() == 0, "the objective is a scalar"
    objective.backward()
    grads = {}
    for n, (axes, kind) in c["inputs"].items():
        if not is_labels(kind):
            grads[n] = args[n].grad
    for n in names[:-1]:
        grads[n] = out[n].grad
    for n, g in grads.items():
        assert g is not None, "%s: every name takes part in the objective (%s does not)" % (c["name"], n)
    return {
        "name": c["name"], "dims": c["dims"],
        "inputs": [dict(name=n, axes=list(axes), labels=is_labels(kind), **tensor_json(values[n]))
                   for n, (axes, kind) in c["inputs"].items()],
        "forward": c["forward"],
        "values": {n: tensor_json(out[n].detach().numpy()) for n in names},
        "grads": {n: tensor_json(g.numpy()) for n, g in grads.items()},
    }


def main():
    entries = [run(c) for c in CASES]
    names = [e["name"] for e in entries]
    assert len(set(names)) == len(names), "case names are unique"
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"generator": "src/test/python/golden_questions.py", "cases": entries}, f, indent=1)
        f.write("\n")
    print("wrote %d cases to %s" % (len(entries), OUT))


if __name__ == "__main__":
    main()
