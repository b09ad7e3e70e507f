#!/usr/bin/python3
"""Writes the golden fixture of numeric questions: src/test/resources/golden/numeric/numeric.json.

An independent oracle for the answers of numeric questions. Each case is a numeric question's
forward lines and ask in gradproof's claim language, with fixed small inputs (what a reader is
shown) and the same computation written by hand here in PyTorch (float64): the forward pass, one
backward pass from the scalar objective when the ask reads a gradient, then the asked number.
NumericGoldenTest recomputes every answer with gradproof's engine from the same inputs and
compares; verification.json's answers are then checked against that same recomputation.

Run from the repository root:  /usr/bin/python3 src/test/python/golden_numeric.py
(torch 1.13). The output is deterministic; commit it with the change that needs it. `mvn install`
never runs this script.
"""

import json
import os

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
OUT = os.path.join("src", "test", "resources", "golden", "numeric", "numeric.json")

CASES = []


def case(name, forward, ask, dims, inputs, answer, labels=()):
    """Declares one case.

    forward, ask: the question as gradproof reads it.
    inputs: {name: nested list}; labels: the names among them that hold class labels.
    answer: a function of the torch inputs (floats require grad, labels are int64) returning the
        asked number as a Python float; it runs the forward pass and, where needed, backward.
    """
    CASES.append(dict(name=name, forward=forward, ask=ask, dims=dims, inputs=inputs, answer=answer,
                      labels=list(labels)))


def matmul_entry(t):
    C = t["A"] @ t["B"]
    L = (C * t["G"]).sum()
    L.backward()
    return t["A"].grad[0, 1]


case("matmul gradient entry", ["C = A @ B", "L = sum(C * G)"], "dA[0, 1]", {"M": 2, "K": 3, "N": 2},
     {"A": [[0, -2, 2], [-2, -3, -3]], "B": [[-1, 2], [-3, -3], [-3, -2]], "G": [[1, 2], [1, 1]]},
     matmul_entry)


def relu_entry(t):
    s = (F.relu(t["x"]) * t["w"]).sum()
    s.backward()
    return t["x"].grad[1] + 10 * t["w"].grad[2]


case("relu gradients", ["h = relu(x)", "s = sum(h * w)"], "dx[1] + 10 * dw[2]", {"N": 3},
     {"x": [-1.1, 0.7, 2.4], "w": [2, -3, 1]}, relu_entry)


def mean_of_squares(t):
    return (t["x"] ** 2).mean()


case("forward value", ["m = mean(x ** 2)"], "m", {"N": 3}, {"x": [1.2, 1.3, 2.4]}, mean_of_squares)


def cross_entropy_entry(t):
    L = F.cross_entropy(t["z"], t["y"])
    L.backward()
    return t["z"].grad[1, 0]


case("cross-entropy gradient entry", ["L = cross_entropy(z, y)"], "dz[1, 0]", {"B": 2, "C": 3},
     {"z": [[0.5, -1.0, 2.0], [1.5, 0.3, -0.7]], "y": [2, 0]}, cross_entropy_entry, labels=["y"])


def gathered_entry(t):
    z, y = t["z"], t["y"]
    p = z[torch.arange(2), y]
    L = (p * p).sum()
    L.backward()
    return z.grad[1, y[1]]


case("gathered entry with a label index", ["p = z[arange(B), y]", "L = sum(p * p)"], "dz[1, y[1]]",
     {"B": 2, "C": 3}, {"z": [[1, -2, 3], [-1, 2, 0]], "y": [0, 1]}, gathered_entry, labels=["y"])


def sigmoid_sum(t):
    h = torch.tanh(t["x"])
    s = (torch.sigmoid(h) * t["w"]).sum()
    s.backward()
    return t["x"].grad.sum()


case("sum of a chained gradient", ["h = tanh(x)", "s = sum(sigmoid(h) * w)"], "sum(dx)", {"N": 4},
     {"x": [0.3, -0.8, 1.1, 0.0], "w": [1, -2, 3, 2]}, sigmoid_sum)


def forward_name_gradient(t):
    h = t["x"] * t["x"]
    h.retain_grad()
    L = (h * h).sum() / 4
    L.backward()
    return h.grad[2]


case("gradient of a forward name", ["h = x * x", "L = sum(h * h) / 4"], "dh[2]", {"N": 3},
     {"x": [0.5, -1.5, 2.5]}, forward_name_gradient)


def run(c):
    tensors = {}
    for name, value in c["inputs"].items():
        if name in c["labels"]:
            tensors[name] = torch.tensor(value, dtype=torch.int64)
        else:
            tensors[name] = torch.tensor(value, dtype=torch.float64, requires_grad=True)
    answer = float(c["answer"](tensors))
    return {"name": c["name"], "forward": c["forward"], "ask": c["ask"], "dims": c["dims"],
            "inputs": c["inputs"], "labels": c["labels"], "answer": answer}


def main():
    entries = [run(c) for c in CASES]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"generator": "src/test/python/golden_numeric.py", "torch": torch.__version__,
                   "cases": entries}, f, indent=1)
        f.write("\n")
    print("wrote %d cases to %s" % (len(entries), OUT))


if __name__ == "__main__":
    main()
