#!/usr/bin/python3
"""Writes the golden fixtures of the autograd engine's ops: src/test/resources/golden/ops/<op>.json.

An independent oracle for every op: forward values from NumPy / SciPy (the semantics the claim
language promises), vector-Jacobian products from PyTorch's autograd (torch 1.13, float64) for a
random upstream gradient. Where PyTorch's spelling differs from NumPy's, the script asserts that the
two forwards agree before it trusts PyTorch's gradient. Where no library computes the engine's rule
(max/min route the gradient to the first arg-max; indexing with negative steps), the gradient is
written out directly in NumPy (np.argmax, np.add.at), which shares no code with the engine.

Run from the repository root:  /usr/bin/python3 src/test/python/golden_ops.py
The output is deterministic (seeded per op); commit the regenerated JSON with the change that needs it.
"""

import json
import os
import warnings
import zlib

import numpy as np
import scipy.special
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
OUT = os.path.join("src", "test", "resources", "golden", "ops")


def tensor_json(a):
    a = np.asarray(a, dtype=np.float64)
    assert np.all(np.isfinite(a)), "fixtures hold finite values only"
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


class Op:
    """Collects the cases of one op and writes them to <name>.json."""

    def __init__(self, name, reference):
        self.name = name
        self.reference = reference
        self.cases = []
        self.rng = np.random.default_rng(zlib.crc32(name.encode()))

    def normal(self, *shape):
        return self.rng.normal(size=shape)

    def uniform(self, low, high, *shape):
        return self.rng.uniform(low, high, size=shape)

    def positive(self, *shape):
        return self.rng.uniform(0.5, 2.0, size=shape)

    def case(self, name, inputs, np_fwd, torch_fwd=None, vjp=None, args=None, diff=None, kink=False, fd=True):
        """One case: inputs (NumPy arrays), NumPy forward, and a PyTorch forward or a NumPy VJP.

        kink: the inputs sit on a branch point (ties, zeros) or a singularity, so a finite-difference check means nothing
        there; fd=False: a case that checks forward stability at magnitudes where central differences
        with the engine's step are too coarse to compare gradients.
        """
        inputs = [np.asarray(a, dtype=np.float64) for a in inputs]
        diff = diff if diff is not None else [True] * len(inputs)
        out = np.asarray(np_fwd(*inputs), dtype=np.float64)
        entry = {"name": name, "args": args or {}, "inputs": [tensor_json(a) for a in inputs],
                 "differentiable": diff, "output": tensor_json(out), "kink": kink}
        if not fd:
            entry["finite_differences"] = False
        if torch_fwd is None and vjp is None:
            self.cases.append(entry)
            return
        g = self.rng.normal(size=out.shape)
        if torch_fwd is not None:
            grads = torch_vjp(torch_fwd, inputs, diff, out, g)
        else:
            grads = [np.asarray(v, dtype=np.float64) if d else None
                     for v, d in zip(vjp(g, *inputs), diff)]
        entry["upstream"] = tensor_json(g)
        entry["grads"] = [tensor_json(v) if v is not None else None for v in grads]
        self.cases.append(entry)

    def write(self):
        os.makedirs(OUT, exist_ok=True)
        head = json.dumps({"op": self.name, "reference": self.reference})[:-1]
        cases = ",\n".join(json.dumps(c, allow_nan=False) for c in self.cases)
        with open(os.path.join(OUT, self.name + ".json"), "w") as f:
            f.write(head + ', "cases": [\n' + cases + "\n]}\n")


def torch_vjp(torch_fwd, inputs, diff, expected, g):
    ts = [torch.tensor(a, requires_grad=d) for a, d in zip(inputs, diff)]
    out = torch_fwd(*ts)
    got = out.detach().numpy()
    assert got.shape == expected.shape, (got.shape, expected.shape)
    assert np.allclose(got, expected, rtol=1e-12, atol=1e-12), "NumPy and PyTorch forwards disagree"
    wanted = [t for t, d in zip(ts, diff) if d]
    if not wanted:
        return [None] * len(inputs)
    grads = iter(torch.autograd.grad(out, wanted, torch.tensor(g), allow_unused=True))
    result = []
    for t, d in zip(ts, diff):
        if d:
            v = next(grads)
            result.append(np.zeros(t.shape) if v is None else v.numpy())
        else:
            result.append(None)
    return result


UNARY_SHAPES = [(), (4,), (3, 4), (1, 4), (2, 3, 4)]
BROADCAST_PAIRS = [((3, 4), (3, 4)), ((), (3, 4)), ((4,), (3, 4)), ((3, 1), (1, 4)), ((2, 1, 4), (3, 1)),
                   ((1, 4), (3, 1)), ((3, 4), ())]


def shape_name(*shapes):
    return " with ".join(str(tuple(s)) for s in shapes)


# ---- elementwise ----

def unary_ops():
    specs = [
        ("negative", np.negative, torch.neg, False),
        ("exp", np.exp, torch.exp, False),
        ("log", np.log, torch.log, True),
        ("log1p", np.log1p, torch.log1p, True),
        ("sqrt", np.sqrt, torch.sqrt, True),
        ("square", np.square, torch.square, False),
        ("sin", np.sin, torch.sin, False),
        ("cos", np.cos, torch.cos, False),
        ("tanh", np.tanh, torch.tanh, False),
        ("sigmoid", lambda x: scipy.special.expit(x), torch.sigmoid, False),
        ("softplus", lambda x: np.logaddexp(0, x), F.softplus, False),
        ("relu", lambda x: np.maximum(x, 0), torch.relu, False),
        ("abs", np.abs, torch.abs, False),
        ("sign", np.sign, torch.sign, False),
    ]
    for name, np_fn, torch_fn, positive in specs:
        op = Op(name, "numpy." + name + " forward; torch autograd")
        for shape in UNARY_SHAPES:
            x = op.positive(*shape) if positive else op.normal(*shape)
            op.case(str(shape), [x], np_fn, torch_fn)
        if name == "sigmoid":
            op.case("large magnitudes (no overflow)", [np.array([-1000.0, -30.0, 0.0, 30.0, 1000.0])], np_fn, torch_fn)
        if name == "softplus":
            # PyTorch returns x itself above 20; the engine keeps the exact function, so the reference
            # here is SciPy's exact slope (expit), not PyTorch's.
            op.case("wide range, exact slope", [np.array([-40.0, -5.0, 0.0, 5.0, 19.5, 25.0, 40.0])], np_fn,
                    vjp=lambda g, x: [g * scipy.special.expit(x)])
        if name in ("relu", "abs", "sign"):
            op.case("zeros in the input (gradient 0 there, as PyTorch)", [np.array([-1.5, 0.0, 2.0, 0.0])],
                    np_fn, torch_fn, kink=True)
        op.write()

    op = Op("leaky_relu", "torch.nn.functional.leaky_relu forward and autograd")
    for shape in UNARY_SHAPES:
        op.case(str(shape) + " default slope", [op.normal(*shape)],
                lambda x: np.where(x > 0, x, 0.01 * x), lambda x: F.leaky_relu(x, 0.01),
                args={"negative_slope": 0.01})
    op.case("slope 0.2 with zeros (the slope applies at 0)", [np.array([-2.0, 0.0, 3.0, -0.5])],
            lambda x: np.where(x > 0, x, 0.2 * x), lambda x: F.leaky_relu(x, 0.2),
            args={"negative_slope": 0.2}, kink=True)
    op.write()

    op = Op("power_scalar", "numpy.power with a constant exponent; torch autograd")
    for p in (2.0, 3.0, -1.5, 0.5, 0.0):
        for shape in [(), (3, 4)]:
            x = op.positive(*shape)
            op.case(str(shape) + " ** " + str(p), [x], lambda x, p=p: np.power(x, p),
                    lambda x, p=p: torch.pow(x, p), args={"exponent": p})
    op.write()


def binary_ops():
    specs = [
        ("add", np.add, torch.add, False),
        ("subtract", np.subtract, torch.sub, False),
        ("multiply", np.multiply, torch.mul, False),
        ("divide", np.divide, torch.div, True),
        ("power", np.power, torch.pow, True),
        ("maximum", np.maximum, torch.maximum, False),
        ("minimum", np.minimum, torch.minimum, False),
    ]
    for name, np_fn, torch_fn, positive in specs:
        op = Op(name, "numpy." + name + " forward; torch autograd")
        for a, b in BROADCAST_PAIRS:
            x = op.positive(*a) if name == "power" else op.normal(*a)
            y = op.positive(*b) if positive and name != "power" else op.normal(*b)
            op.case(shape_name(a, b), [x, y], np_fn, torch_fn)
        if name == "power":
            op.case("zero bases and zero exponents", [np.array([0.0, 0.0, 2.0, 3.0, 0.0]),
                                                      np.array([0.0, 2.0, 0.0, 1.5, 1.0])], np_fn, torch_fn, kink=True)
        if name in ("maximum", "minimum"):
            op.case("ties split the gradient in half", [np.array([[1.0, 2.0, -1.0], [0.5, 3.0, 3.0]]),
                                                         np.array([1.0, 0.0, -1.0])], np_fn, torch_fn, kink=True)
        op.write()

    comparisons = [("equal", np.equal), ("not_equal", np.not_equal), ("less", np.less),
                   ("greater", np.greater), ("less_equal", np.less_equal), ("greater_equal", np.greater_equal)]
    for name, np_fn in comparisons:
        op = Op(name, "numpy." + name + " as 0/1 floats (no gradient)")
        a = np.round(op.normal(3, 4))
        b = np.round(op.normal(4))
        op.case(shape_name(a.shape, b.shape) + " with ties", [a, b], lambda x, y, f=np_fn: f(x, y).astype(float))
        op.case("() with (3,)", [np.array(0.0), np.array([-1.0, 0.0, 1.0])],
                lambda x, y, f=np_fn: f(x, y).astype(float))
        op.write()


def where_and_clip():
    op = Op("where", "numpy.where forward; torch.where autograd (the condition gets none)")
    cases = [((3, 4), (3, 4), (3, 4)), ((3, 4), (4,), ()), ((4,), (), (3, 4)), ((3, 1), (1, 4), (3, 4))]
    for c, a, b in cases:
        cond = (op.normal(*c) > 0).astype(float)
        op.case(shape_name(c, a, b), [cond, op.normal(*a), op.normal(*b)],
                lambda c, a, b: np.where(c != 0, a, b), lambda c, a, b: torch.where(c != 0, a, b),
                diff=[False, True, True])
    op.write()

    op = Op("clip", "numpy.clip forward; torch.clamp autograd (tensor bounds)")
    x = op.normal(3, 4)
    op.case("scalar bounds", [x, np.array(-0.5), np.array(0.5)], np.clip,
            lambda x, lo, hi: torch.clamp(x, min=lo, max=hi))
    op.case("bounds (4,) and (3, 1)", [op.normal(3, 4), op.normal(4) - 0.5, op.normal(3, 1) + 0.5],
            np.clip, lambda x, lo, hi: torch.clamp(x, min=lo, max=hi))
    op.case("both bounds active, (4,) and (3, 1)", [2 * op.normal(3, 4), op.uniform(-0.8, -0.2, 4),
                                                     op.uniform(0.2, 0.8, 3, 1)],
            np.clip, lambda x, lo, hi: torch.clamp(x, min=lo, max=hi))
    op.case("lower bound only", [op.normal(4)], lambda x: np.clip(x, -0.25, None),
            lambda x: torch.clamp(x, min=torch.tensor(-0.25)), args={"lo": -0.25})
    op.case("upper bound only", [op.normal(2, 3)], lambda x: np.clip(x, None, 0.25),
            lambda x: torch.clamp(x, max=torch.tensor(0.25)), args={"hi": 0.25})
    op.case("x equal to the bounds, and lo > hi", [np.array([-1.0, 0.0, 1.0, 2.0]), np.array([-1.0, -1.0, -1.0, 3.0]),
                                                   np.array([1.0, 1.0, 1.0, 1.0])],
            np.clip, lambda x, lo, hi: torch.clamp(x, min=lo, max=hi), kink=True)
    op.write()


def selections():
    # sqrt of an op that discards some positions: there sqrt's derivative at 0 makes the upstream
    # infinite, and PyTorch's relu, clamp, maximum, minimum, where and sign select it away (0, not inf * 0)
    op = Op("sqrt_after_selection", "torch autograd of sqrt after relu, clamp, maximum, minimum, where and sign: "
            "an infinite upstream in a discarded position gives 0")
    zero = np.zeros(4)
    op.case("sqrt(relu(x))", [op.normal(3, 4)], lambda x: np.sqrt(np.maximum(x, 0)),
            lambda x: torch.sqrt(torch.relu(x)), args={"select": "relu"})
    op.case("relu(x) ** 0.5", [op.normal(3, 4)], lambda x: np.maximum(x, 0) ** 0.5,
            lambda x: torch.relu(x) ** 0.5, args={"select": "relu ** 0.5"})
    op.case("sqrt(clip(x, 0, None))", [op.normal(3, 4)], lambda x: np.sqrt(np.clip(x, 0, None)),
            lambda x: torch.sqrt(torch.clamp(x, min=0)), args={"select": "clip lower"})
    op.case("sqrt(clip(x, lo, hi)), constant bounds", [op.normal(3, 4), zero, op.uniform(0.5, 1.5, 3, 1)],
            lambda x, lo, hi: np.sqrt(np.clip(x, lo, hi)),
            lambda x, lo, hi: torch.sqrt(torch.clamp(x, min=lo, max=hi)), diff=[True, False, False],
            args={"select": "clip"})
    op.case("sqrt(maximum(x, 0))", [op.normal(3, 4), zero], lambda x, b: np.sqrt(np.maximum(x, b)),
            lambda x, b: torch.sqrt(torch.maximum(x, b)), diff=[True, False], args={"select": "maximum"})
    op.case("sqrt(-minimum(x, 0))", [op.normal(3, 4), zero], lambda x, b: np.sqrt(-np.minimum(x, b)),
            lambda x, b: torch.sqrt(-torch.minimum(x, b)), diff=[True, False], args={"select": "minimum"})
    op.case("sqrt(where(x > 0, x, 0))", [op.normal(3, 4), zero], lambda x, b: np.sqrt(np.where(x > 0, x, b)),
            lambda x, b: torch.sqrt(torch.where(x > 0, x, b)), diff=[True, False], args={"select": "where"})
    op.case("sqrt(sign(x) + 1)", [op.normal(3, 4)], lambda x: np.sqrt(np.sign(x) + 1),
            lambda x: torch.sqrt(torch.sign(x) + 1), args={"select": "sign"})


# ---- special functions, activations and binary losses of deep learning ----

def gelu_tanh(x):
    return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3)))


def deep_learning_ops():
    specs = [
        ("erf", scipy.special.erf, torch.erf, False, "scipy.special.erf forward; torch autograd"),
        ("cosh", np.cosh, torch.cosh, False, "numpy.cosh forward; torch autograd"),
        ("sinh", np.sinh, torch.sinh, False, "numpy.sinh forward; torch autograd"),
        ("log2", np.log2, torch.log2, True, "numpy.log2 forward; torch autograd"),
        ("log10", np.log10, torch.log10, True, "numpy.log10 forward; torch autograd"),
        ("rsqrt", lambda x: 1 / np.sqrt(x), torch.rsqrt, True, "torch.rsqrt (1 / numpy.sqrt forward); torch autograd"),
        ("silu", lambda x: x * scipy.special.expit(x), F.silu, False, "torch.nn.functional.silu"),
        ("logsigmoid", lambda x: -np.logaddexp(0, -x), F.logsigmoid, False, "torch.nn.functional.logsigmoid"),
        ("gelu", lambda x: x * 0.5 * (1 + scipy.special.erf(x / np.sqrt(2))), F.gelu, False,
         "torch.nn.functional.gelu (exact, erf)"),
        ("gelu_tanh", gelu_tanh, lambda x: F.gelu(x, approximate="tanh"), False,
         "torch.nn.functional.gelu(approximate='tanh')"),
    ]
    for name, np_fn, torch_fn, positive, reference in specs:
        op = Op(name, reference)
        for shape in UNARY_SHAPES:
            x = op.positive(*shape) if positive else op.normal(*shape)
            op.case(str(shape), [x], np_fn, torch_fn)
        if name in ("erf", "gelu", "gelu_tanh", "silu", "logsigmoid"):
            op.case("wide range", [np.array([-10.0, -5.5, -2.5, -1e-3, 0.0, 0.3, 1.9, 2.1, 4.0, 7.0])], np_fn, torch_fn)
        if name == "logsigmoid":
            op.case("large magnitudes (no overflow)", [np.array([-1000.0, -30.0, 0.0, 30.0, 1000.0])], np_fn, torch_fn,
                    fd=False)
        if name == "log2":
            op.case("powers of two (exact)", [np.array([0.125, 1.0, 2.0, 1024.0, 2.0 ** -60])], np_fn, torch_fn,
                    fd=False)
        if name == "log10":
            op.case("powers of ten (exact)", [np.array([0.001, 0.1, 1.0, 10.0, 1e5, 1e-300])], np_fn, torch_fn,
                    fd=False)
        if name == "rsqrt":
            op.case("small and large", [np.array([1e-8, 0.25, 4.0, 1e10])], np_fn, torch_fn, fd=False)
        op.write()

    op = Op("logaddexp", "numpy.logaddexp forward; torch autograd")
    for a, b in BROADCAST_PAIRS:
        op.case(shape_name(a, b), [op.normal(*a), op.normal(*b)], np.logaddexp, torch.logaddexp)
    op.case("equal and far-apart operands", [np.array([2.0, 1000.0, -1000.0, 0.5]), np.array([2.0, -1000.0, 1000.0, 0.5])],
            np.logaddexp, torch.logaddexp, fd=False)
    op.write()
    binary_losses()


# ---- attention: masked_fill ----

def masked_fill_np(x, m, v):
    return np.where(m != 0, v, x)


def attention_ops():
    op = Op("masked_fill", "numpy.where forward; torch.Tensor.masked_fill autograd (bool mask; the value a 0-d tensor)")
    for x_shape, m_shape in [((3, 4), (3, 4)), ((3, 4), (4,)), ((2, 3, 3), (3, 3)), ((3,), (2, 3)), ((), (3,))]:
        mask = (op.normal(*m_shape) > 0).astype(float)
        op.case(shape_name(x_shape, m_shape), [op.normal(*x_shape), mask, op.normal()], masked_fill_np,
                lambda x, m, v: x.masked_fill(m != 0, v), diff=[True, False, True])
    causal = np.triu(np.ones((4, 4)), k=1)
    op.case("causal mask triu(ones(T, T), k=1) == 1, value -1e9", [op.normal(2, 4, 4), causal, np.array(-1e9)],
            masked_fill_np, lambda x, m, v: x.masked_fill(m == 1, v), diff=[True, False, True], fd=False)
    op.case("all masked and none masked", [op.normal(2, 3), np.array([[1.0] * 3, [0.0] * 3]), np.array(0.5)],
            masked_fill_np, lambda x, m, v: x.masked_fill(m != 0, v), diff=[True, False, True])
    op.write()


def pad_np(x, pad, mode, value):
    """torch's pad tuple (last axis first) on NumPy. A negative pad crops: circular wraps what is left after
    the crop (torch's order); reflect and replicate pad the whole axis and are cropped after, as torch's."""
    widths = [(0, 0)] * x.ndim
    crops = [slice(None)] * x.ndim
    for k in range(len(pad) // 2):
        axis = x.ndim - 1 - k
        left, right = pad[2 * k], pad[2 * k + 1]
        widths[axis] = (max(left, 0), max(right, 0))
        if mode == "circular":
            crops[axis] = slice(max(-left, 0), x.shape[axis] - max(-right, 0))
        else:
            crops[axis] = slice(max(-left, 0), x.shape[axis] + max(left, 0) + max(right, 0) - max(-right, 0))
    np_mode = {"constant": "constant", "reflect": "reflect", "replicate": "edge", "circular": "wrap"}[mode]
    kwargs = {"constant_values": value} if mode == "constant" else {}
    if mode == "circular":
        return np.pad(x[tuple(crops)], widths, mode=np_mode)
    return np.pad(x, widths, mode=np_mode, **kwargs)[tuple(crops)]


def pad_ops():
    op = Op("pad", "numpy.pad forward (then the crop of negative pads); torch.nn.functional.pad autograd")
    specs = [((3, 4), (1, 2), "constant", 0.0), ((3, 4), (1, -1, -1, 2), "constant", 5.0), ((4,), (2, 1), "constant", 0.0),
             ((2, 3, 4), (-1, -2, 0, 1, 1, 0), "constant", -1.5), ((1, 2, 4), (2, 1), "reflect", None),
             ((1, 2, 4), (-1, 2), "reflect", None), ((1, 1, 4), (3, -2), "reflect", None), ((2, 3, 4), (3, 3, 2, 1), "reflect", None),
             ((1, 2, 4), (4, 0), "replicate", None), ((2, 3, 4), (1, 2, 2, 1), "replicate", None),
             ((2, 3), (2, 3), "replicate", None), ((1, 2, 4), (2, 1), "circular", None),
             ((1, 2, 3, 4), (2, -1, 1, 3), "circular", None), ((1, 1, 4), (-1, 2), "circular", None)]
    for shape, pad, mode, value in specs:
        args = {"pad": list(pad), "mode": mode, "value": value if value is not None else 0.0}
        torch_value = value if mode == "constant" else None
        op.case(shape_name(shape) + " pad=" + str(pad) + " " + mode, [op.normal(*shape)],
                lambda x, p=pad, m=mode, v=args["value"]: pad_np(x, p, m, v),
                lambda x, p=pad, m=mode, v=torch_value: F.pad(x, p, mode=m, value=v), args=args)
    op.write()


def repetition_ops():
    op = Op("tile", "numpy.tile forward; torch.tile autograd")
    for shape, reps in [((3,), (2,)), ((2, 3), (2, 1)), ((2, 3), (3,)), ((3,), (2, 2)), ((2, 1, 3), (1, 2, 2)), ((), (3,)),
                        ((2, 3), (0, 2))]:
        op.case(shape_name(shape) + " reps=" + str(reps), [op.normal(*shape)], lambda x, r=reps: np.tile(x, r),
                lambda x, r=reps: torch.tile(x, r), args={"reps": list(reps)})
    op.write()

    op = Op("repeat", "numpy.repeat forward; torch.repeat_interleave autograd")
    for shape, repeats, axis in [((3,), [2], None), ((2, 3), [2], None), ((2, 3), [1, 0, 3], 1), ((2, 3), [3, 1], 0),
                                 ((2, 3, 2), [2], -2), ((2, 3), [0], 1), ((), [3], None)]:
        counts = np.array(repeats, dtype=float)
        op.case(shape_name(shape) + " repeats=" + str(repeats) + " axis=" + str(axis), [op.normal(*shape)],
                lambda x, c=repeats, a=axis: np.repeat(x, c if len(c) > 1 else c[0], axis=a),
                lambda x, c=repeats, a=axis: torch.repeat_interleave(
                    x, torch.tensor(c) if len(c) > 1 else c[0], dim=a),
                args={"repeats": [float(v) for v in counts], "axis": axis})
    op.write()


def bce(p, t):
    return -(t * np.maximum(np.log(p), -100) + (1 - t) * np.maximum(np.log1p(-p), -100))


def binary_losses():
    op = Op("binary_cross_entropy", "torch.nn.functional.binary_cross_entropy (reduction='none') forward and autograd")
    for shape in [(), (4,), (3, 4), (2, 3, 4)]:
        op.case(str(shape), [op.uniform(0.05, 0.95, *shape), op.uniform(0, 1, *shape)], bce,
                lambda p, t: F.binary_cross_entropy(p, t, reduction="none"))
    # The target's gradient, log(1 - p) - log(p), is not floored (as PyTorch's) and infinite here.
    with np.errstate(divide="ignore"):
        op.case("probabilities 0, 1 and 1e-50 (logarithms floored at -100)",
                [np.array([0.0, 1.0, 0.0, 1.0, 1e-50]), np.array([0.3, 0.3, 0.0, 1.0, 0.4])],
                bce, lambda p, t: F.binary_cross_entropy(p, t, reduction="none"), diff=[True, False], kink=True,
                fd=False)
    op.write()

    op = Op("binary_cross_entropy_with_logits",
            "torch.nn.functional.binary_cross_entropy_with_logits (reduction='none') forward and autograd")
    for shape in [(), (4,), (3, 4), (2, 3, 4)]:
        op.case(str(shape), [2 * op.normal(*shape), op.uniform(0, 1, *shape)],
                lambda z, t: (1 - t) * z + np.logaddexp(0, -z),
                lambda z, t: F.binary_cross_entropy_with_logits(z, t, reduction="none"))
    op.case("large logits (no overflow)", [np.array([-1000.0, -30.0, 0.0, 30.0, 1000.0]), np.full(5, 0.25)],
            lambda z, t: (1 - t) * z + np.logaddexp(0, -z),
            lambda z, t: F.binary_cross_entropy_with_logits(z, t, reduction="none"), fd=False)
    op.write()

    op = Op("nll_loss", "torch.nn.functional.nll_loss (reduction='none') forward and autograd")
    for batch, classes in [(4, 3), (1, 5), (6, 2)]:
        labels = op.rng.integers(0, classes, size=batch).astype(float)
        op.case(str((batch, classes)), [op.normal(batch, classes), labels],
                lambda x, y: -x[np.arange(len(y)), y.astype(int)],
                lambda x, y: F.nll_loss(x, y.long(), reduction="none"), diff=[True, False])
    op.case("repeated labels", [op.normal(4, 3), np.array([2.0, 2.0, 0.0, 2.0])],
            lambda x, y: -x[np.arange(len(y)), y.astype(int)],
            lambda x, y: F.nll_loss(x, y.long(), reduction="none"), diff=[True, False])
    op.write()


# ---- step functions and remainders ----

def divisors(op, *shape):
    """Divisors of either sign, away from zero (the quotient stays moderate)."""
    return np.where(op.rng.random(size=shape) < 0.5, -1.0, 1.0) * op.uniform(0.5, 2.0, *shape)


def step_ops():
    specs = [("floor", np.floor, torch.floor), ("ceil", np.ceil, torch.ceil), ("trunc", np.trunc, torch.trunc),
             ("round", np.round, torch.round)]
    for name, np_fn, torch_fn in specs:
        op = Op(name, "numpy." + name + " forward; torch autograd (zero gradient)")
        for shape in UNARY_SHAPES:
            op.case(str(shape), [3 * op.normal(*shape)], np_fn, torch_fn, args={"decimals": 0})
        # Integers and halves: the jumps themselves (round's halves go to the even neighbour).
        op.case("integers and halves", [np.array([-2.5, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.5, 3.5])],
                np_fn, torch_fn, args={"decimals": 0}, kink=True)
        if name == "round":
            for d in (1, 2, -1):
                op.case("decimals=" + str(d), [50 * op.normal(3, 4)], lambda x, d=d: np.round(x, d),
                        lambda x, d=d: torch.round(x, decimals=d), args={"decimals": d})
            op.case("decimals=1 at halves", [np.array([0.25, 0.35, -0.45, 1.25, 12.5])], lambda x: np.round(x, 1),
                    lambda x: torch.round(x, decimals=1), args={"decimals": 1}, kink=True)
        op.write()

    floor_div = lambda a, b: torch.div(a, b, rounding_mode="floor")
    for name, np_fn, torch_fn in [("remainder", np.remainder, torch.remainder), ("fmod", np.fmod, torch.fmod),
                                  ("floor_divide", np.floor_divide, floor_div)]:
        autograd = "torch.div(rounding_mode='floor')" if name == "floor_divide" else "torch." + name
        op = Op(name, "numpy." + name + " forward; " + autograd + " autograd")
        for a, b in BROADCAST_PAIRS:
            op.case(shape_name(a, b), [op.uniform(-6, 6, *a), divisors(op, *b)], np_fn, torch_fn)
        if name == "floor_divide":
            # 0.1 is a little more than a tenth: 1 // 0.1 is 9, though 1 / 0.1 rounds to 10.
            op.case("1 // 0.1 is 9, -1 // 0.1 is -10", [np.array([1.0, -1.0, 0.3, 7.0]), np.array([0.1, 0.1, 0.1, 0.7])],
                    np_fn, torch_fn)
        op.case("every sign of dividend and divisor", [np.array([5.5, -5.5, 5.5, -5.5, 0.75, -0.75]),
                                                       np.array([2.0, 2.0, -2.0, -2.0, 2.0, -2.0])], np_fn, torch_fn)
        op.case("exact multiples (the jumps)", [np.array([4.0, -4.0, 4.0, -4.0, 0.0, 6.0]),
                                                np.array([2.0, 2.0, -2.0, -2.0, 1.5, 1.5])], np_fn, torch_fn, kink=True)
        op.write()


def torch_heaviside(x1, x2):
    """heaviside in differentiable torch ops (torch.heaviside has no derivative): x2's gradient is the
    upstream where x1 is 0, x1's is 0 (where passes none to its condition)."""
    return torch.where(x1 > 0, torch.ones(()), torch.where(x1 < 0, torch.zeros(()), x2))


def heaviside_ops():
    op = Op("heaviside", "numpy.heaviside forward; torch autograd of where(x1 > 0, 1, where(x1 < 0, 0, x2))")
    for a, b in BROADCAST_PAIRS:
        op.case(shape_name(a, b), [op.normal(*a), op.normal(*b)], np.heaviside, torch_heaviside)
    # Zeros of x1 take x2's value, and pass x2 its gradient; x1 jumps there.
    op.case("zeros of x1 take x2 (3, 4) with (4,)", [np.round(op.normal(3, 4)) * (op.rng.random((3, 4)) < 0.5),
                                                    op.normal(4)], np.heaviside, torch_heaviside, kink=True)
    op.case("every side, -0.0 is 0", [np.array([-2.0, -0.0, 0.0, 3.0]), np.array([0.5, 0.25, -1.0, 7.0])],
            np.heaviside, torch_heaviside, kink=True)
    op.write()


# ---- circular functions and the reciprocal ----

def trig_ops():
    specs = [("tan", np.tan, torch.tan, lambda op, s: op.uniform(-1.4, 1.4, *s)),
             ("arctan", np.arctan, torch.atan, lambda op, s: 2 * op.normal(*s)),
             ("arcsin", np.arcsin, torch.asin, lambda op, s: op.uniform(-0.95, 0.95, *s)),
             ("arccos", np.arccos, torch.acos, lambda op, s: op.uniform(-0.95, 0.95, *s)),
             ("reciprocal", np.reciprocal, torch.reciprocal, lambda op, s: divisors(op, *s))]
    for name, np_fn, torch_fn, draw in specs:
        op = Op(name, "numpy." + name + " forward; torch autograd")
        for shape in UNARY_SHAPES:
            op.case(str(shape), [draw(op, shape)], np_fn, torch_fn)
        op.write()
    op = Op("arctan2", "numpy.arctan2 forward; torch.atan2 autograd")
    for a, b in BROADCAST_PAIRS:
        op.case(shape_name(a, b), [op.normal(*a), op.normal(*b)], np.arctan2, torch.atan2)
    op.case("every quadrant and the axes", [np.array([1.0, 1.0, -1.0, -1.0, 0.0, 0.0, 2.0, -2.0]),
                                            np.array([1.0, -1.0, 1.0, -1.0, 3.0, -3.0, 0.0, 0.0])],
            np.arctan2, torch.atan2)
    op.write()


# ---- piecewise activations of torch.nn.functional ----

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def elu(x, alpha=1.0, scale=1.0, input_scale=1.0):
    return np.where(x > 0, scale * x, scale * alpha * np.expm1(np.minimum(x, 0) * input_scale))


def hardsigmoid(x):
    return np.minimum(np.maximum(x + 3, 0), 6) / 6


def mish(x):
    return x * np.tanh(np.logaddexp(0, x))


def activation_ops():
    specs = [
        ("elu", {"alpha": 1.0}, lambda x: elu(x), F.elu),
        ("elu_alpha", {"alpha": 0.5}, lambda x: elu(x, 0.5), lambda x: F.elu(x, 0.5)),
        ("selu", {}, lambda x: elu(x, SELU_ALPHA, SELU_SCALE), F.selu),
        ("celu", {"alpha": 2.0}, lambda x: elu(x, 2.0, 1.0, 0.5), lambda x: F.celu(x, 2.0)),
        ("hardtanh", {"min_val": -1.0, "max_val": 1.0}, lambda x: np.clip(x, -1, 1), F.hardtanh),
        ("hardtanh_bounds", {"min_val": -0.5, "max_val": 2.0}, lambda x: np.clip(x, -0.5, 2),
         lambda x: F.hardtanh(x, -0.5, 2.0)),
        ("relu6", {"min_val": 0.0, "max_val": 6.0}, lambda x: np.clip(x, 0, 6), F.relu6),
        ("hardsigmoid", {}, hardsigmoid, F.hardsigmoid),
        ("hardswish", {}, lambda x: x * hardsigmoid(x), F.hardswish),
        ("softsign", {}, lambda x: x / (1 + np.abs(x)), F.softsign),
        ("mish", {}, mish, F.mish),
    ]
    kinks = {"elu": [-1.0, 0.0, 1.0], "elu_alpha": [0.0, -0.5], "selu": [0.0, 2.0], "celu": [0.0, -3.0],
             "hardtanh": [-1.0, 1.0, 0.0], "hardtanh_bounds": [-0.5, 2.0, 1.0], "relu6": [0.0, 6.0, 3.0],
             "hardsigmoid": [-3.0, 3.0, 0.0], "hardswish": [-3.0, 3.0, -4.0, 0.0]}
    for name, args, np_fn, torch_fn in specs:
        op = Op(name, "torch.nn.functional." + name.split("_")[0] + " forward and autograd")
        for shape in UNARY_SHAPES:
            op.case(str(shape), [4 * op.normal(*shape)], np_fn, torch_fn, args=args)
        if name in kinks:
            op.case("at the kinks (PyTorch's slope there)", [np.array(kinks[name])], np_fn, torch_fn, args=args,
                    kink=True)
        if name == "mish":
            op.case("large magnitudes", [np.array([-800.0, -30.0, 30.0, 800.0])], np_fn, torch_fn, fd=False)
        op.write()


# ---- norms, similarities and the regression and divergence losses ----

def ord_json(ord):
    """A norm order as the fixtures write it: a number, 'inf', '-inf', 'fro' or None."""
    if isinstance(ord, float) and np.isinf(ord):
        return "inf" if ord > 0 else "-inf"
    return ord


def norm_case(op, name, x, ord, axis, keepdims=False, kink=False):
    dim = None if axis is None else tuple(axis)
    op.case(name, [x], lambda x: np.linalg.norm(x, ord=ord, axis=dim, keepdims=keepdims),
            lambda x: torch.linalg.norm(x, ord=ord, dim=dim, keepdim=keepdims),
            args={"ord": ord_json(ord), "axis": None if axis is None else list(axis), "keepdims": keepdims}, kink=kink)


def norms():
    op = Op("norm", "numpy.linalg.norm forward; torch.linalg.norm autograd")
    inf = float("inf")
    for ord in [None, 1, 2, inf, -inf, 0, 3, 0.5, -1]:
        norm_case(op, "(5,) ord=" + str(ord), op.normal(5), ord, None)
    norm_case(op, "() ord=None", op.normal(), None, None)
    for ord in [None, "fro", 1, -1, inf, -inf]:
        norm_case(op, "(3, 4) matrix ord=" + str(ord), op.normal(3, 4), ord, None)
    norm_case(op, "(2, 3, 4) flattened", op.normal(2, 3, 4), None, None, keepdims=True)
    norm_case(op, "(3, 4) axis=1 keepdims", op.normal(3, 4), 2, [1], keepdims=True)
    norm_case(op, "(3, 4) axis=0 ord=1", op.normal(3, 4), 1, [0])
    norm_case(op, "(3, 4) axis=-1 ord=inf", op.normal(3, 4), inf, [-1])
    norm_case(op, "(2, 3, 4) axis=(0, 2) fro keepdims", op.normal(2, 3, 4), "fro", [0, 2], keepdims=True)
    norm_case(op, "(2, 3, 4) axis=(2, 0) ord=1", op.normal(2, 3, 4), 1, [2, 0])
    norm_case(op, "(2, 3, 4) axis=(-1, 1) ord=-inf keepdims", op.normal(2, 3, 4), -inf, [-1, 1], keepdims=True)
    norm_case(op, "(2, 3, 4) axis=(1,) ord=4", op.normal(2, 3, 4), 4, [1])
    # PyTorch's gradient where the norm or an element is 0, and at tied magnitudes.
    norm_case(op, "2-norm at the origin", np.zeros(4), None, None, kink=True)
    norm_case(op, "1-norm with a zero", np.array([0.0, 1.5, -2.0]), 1, None, kink=True)
    norm_case(op, "ord=3 at the origin", np.zeros(3), 3, None, kink=True)
    norm_case(op, "ord=0.5 with a zero", np.array([0.0, -1.0, 3.0]), 0.5, None, kink=True)
    with np.errstate(divide="ignore"):  # |0| ** -1 is inf, and the norm 0, as NumPy computes it
        norm_case(op, "ord=-1 with a zero (norm 0)", np.array([0.0, -1.0, 3.0]), -1, None, kink=True)
    norm_case(op, "inf-norm with tied magnitudes", np.array([3.0, -3.0, 1.0]), inf, None, kink=True)
    norm_case(op, "-inf-norm with tied magnitudes", np.array([1.0, -1.0, 3.0]), -inf, None, kink=True)
    norm_case(op, "Frobenius norm of zeros", np.zeros((2, 2)), "fro", None, kink=True)
    norm_case(op, "matrix inf-norm with tied row sums", np.array([[1.0, -2.0], [-2.0, 1.0]]), inf, None, kink=True)
    norm_case(op, "matrix 1-norm with a zero", np.array([[1.0, 0.0], [-1.0, 2.0]]), 1, None, kink=True)
    op.write()
    similarities()


def np_normalize(x, p, dim, eps):
    return x / np.maximum(np.linalg.norm(x, ord=p, axis=dim, keepdims=True), eps)


def np_cosine(a, b, dim, eps):
    a, b = np.broadcast_arrays(a, b)
    n1 = np.maximum(np.linalg.norm(a, axis=dim), eps)
    n2 = np.maximum(np.linalg.norm(b, axis=dim), eps)
    return np.sum(a * b, axis=dim) / (n1 * n2)


def similarities():
    op = Op("normalize", "torch.nn.functional.normalize forward (checked against NumPy) and autograd")
    inf = float("inf")

    def normalize_case(name, x, p=2.0, dim=1, eps=1e-12, kink=False, fd=True):
        op.case(name, [x], lambda x: np_normalize(x, p, dim, eps), lambda x: F.normalize(x, p=p, dim=dim, eps=eps),
                args={"p": ord_json(float(p)), "dim": dim, "eps": eps}, kink=kink, fd=fd)
    normalize_case("(3, 4) defaults", op.normal(3, 4))
    normalize_case("(2, 3, 4) p=1 dim=-1", op.normal(2, 3, 4), p=1.0, dim=-1)
    normalize_case("(4,) p=inf dim=0", op.normal(4), p=inf, dim=0)
    normalize_case("(3, 4) p=3 dim=0", op.normal(3, 4), p=3.0, dim=0)
    # A zero row is divided by eps (its gradient is g / eps); below eps the floor passes no gradient to the norm.
    normalize_case("a zero row", np.array([[0.0, 0.0, 0.0], [1.0, -2.0, 0.5]]), kink=True, fd=False)
    normalize_case("a row whose norm is below eps", np.array([[0.01, -0.02], [1.0, 2.0]]), eps=0.1)
    op.write()

    op = Op("cosine_similarity", "torch.nn.functional.cosine_similarity (torch 1.13) forward and autograd")

    def cosine_case(name, a, b, dim=1, eps=1e-8, fd=True):
        op.case(name, [a, b], lambda a, b: np_cosine(a, b, dim, eps),
                lambda a, b: F.cosine_similarity(a, b, dim=dim, eps=eps), args={"dim": dim, "eps": eps}, fd=fd)
    cosine_case("(3, 4) with (3, 4)", op.normal(3, 4), op.normal(3, 4))
    cosine_case("(2, 3, 4) with (3, 1) dim=-1", op.normal(2, 3, 4), op.normal(3, 1), dim=-1)
    cosine_case("(4,) with (4,) dim=0", op.normal(4), op.normal(4), dim=0)
    cosine_case("(3, 4) with (4,) dim=0", op.normal(3, 4), op.normal(4), dim=0)
    # PyTorch floors each norm at eps without differentiating the floor: its gradient there is not the
    # floored function's slope, so finite differences do not apply.
    cosine_case("a norm below eps", np.array([[3e-5, 4e-5], [1.0, 2.0]]), np.array([[1.0, 2.0], [3e-5, -4e-5]]),
                eps=1e-4, fd=False)
    cosine_case("a zero vector", np.array([0.0, 0.0, 0.0]), np.array([1.0, 2.0, -1.0]), dim=0, fd=False)
    op.write()
    regression_losses()


def np_smooth_l1(x, t, beta):
    d = np.abs(x - t)
    return np.where(d < beta, 0.5 * d ** 2 / max(beta, 1e-300), d - 0.5 * beta)


def np_huber(x, t, delta):
    d = np.abs(x - t)
    return np.where(d < delta, 0.5 * d ** 2, delta * (d - 0.5 * delta))


def regression_losses():
    warnings.filterwarnings("ignore", message="Using a target size")  # broadcasting is the point of these cases
    pairs = [((3, 4), (3, 4)), ((2, 3, 4), (3, 1)), ((4,), ())]
    for name, np_fn, torch_fn, key, values in [
            ("smooth_l1_loss", np_smooth_l1, lambda x, t, b: F.smooth_l1_loss(x, t, reduction="none", beta=b), "beta",
             [1.0, 0.5]),
            ("huber_loss", np_huber, lambda x, t, d: F.huber_loss(x, t, reduction="none", delta=d), "delta",
             [1.0, 0.5])]:
        op = Op(name, "torch.nn.functional." + name + " (reduction='none') forward (checked against NumPy) and autograd")
        for a, b in pairs:
            for v in values:
                op.case(shape_name(a, b) + " " + key + "=" + str(v), [op.normal(*a), op.normal(*b)],
                        lambda x, t, v=v: np_fn(x, t, v), lambda x, t, v=v: torch_fn(x, t, v), args={key: v})
        # On the branch boundaries |d| = bound and at d = 0, torch's slopes; bound 0 only for smooth_l1 (the L1 loss).
        x = np.array([1.0, -1.0, 0.0, 2.5, -0.25])
        t = np.array([0.0, 0.0, 0.0, 0.5, 0.25])
        op.case("on the boundaries " + key + "=1.0", [x, t], lambda x, t: np_fn(x, t, 1.0),
                lambda x, t: torch_fn(x, t, 1.0), args={key: 1.0}, kink=True)
        if name == "smooth_l1_loss":
            op.case("beta=0 (L1; slope -1 at d = 0 for both operands)", [x, t], lambda x, t: np.abs(x - t),
                    lambda x, t: torch_fn(x, t, 0.0), args={key: 0.0}, kink=True)
        op.write()

    op = Op("kl_div", "torch.nn.functional.kl_div (reduction='none') forward (checked against NumPy) and autograd")
    for a, b in pairs[:2]:
        op.case(shape_name(a, b), [op.normal(*a), op.uniform(0.05, 1.0, *b)],
                lambda x, t: scipy.special.xlogy(t, t) - t * x, lambda x, t: F.kl_div(x, t, reduction="none"))
    # A zero target contributes 0; its own gradient there is NaN in PyTorch (0 / 0), so only the input's is compared.
    op.case("zero targets", [op.normal(4), np.array([0.0, 0.5, 0.0, 0.5])], lambda x, t: scipy.special.xlogy(t, t) - t * x,
            lambda x, t: F.kl_div(x, t, reduction="none"), diff=[True, False])
    op.write()

    op = Op("kl_div_log_target", "torch.nn.functional.kl_div (reduction='none', log_target=True) forward and autograd")
    for a, b in pairs[:2]:
        op.case(shape_name(a, b), [op.normal(*a), op.normal(*b)], lambda x, t: np.exp(t) * (t - x),
                lambda x, t: F.kl_div(x, t, reduction="none", log_target=True))
    op.write()
    class_losses()


def np_class_loss(logp, y, weight, ignore_index, reduction, smoothing=0.0):
    """torch's nll_loss of log-probabilities (and, with smoothing, cross_entropy's extra term), in NumPy."""
    k = logp.shape[1]
    w = np.ones(k) if weight is None else np.asarray(weight)
    keep = y != ignore_index
    cls = np.where(keep, y, 0).astype(int)
    row_w = np.where(keep, w[cls], 0.0)
    nll = -row_w * logp[np.arange(len(y)), cls]
    smooth = np.where(keep, -(logp * w).sum(axis=1), 0.0)
    if reduction == "none":
        return (1 - smoothing) * nll + smoothing / k * smooth
    if reduction == "sum":
        return (1 - smoothing) * nll.sum() + smoothing / k * smooth.sum()
    return ((1 - smoothing) * nll.sum() + smoothing / k * smooth.sum()) / row_w.sum()


def class_losses():
    op = Op("nll_loss_weighted", "torch.nn.functional.nll_loss (weight, ignore_index) forward (checked against NumPy)"
            " and autograd")
    weight = [0.5, 2.0, 1.5]
    for name, labels, w, ii, reduction in [
            ("weight mean", [1.0, 0.0, 2.0, 2.0], weight, -100, "mean"),
            ("weight sum, a row ignored", [1.0, -100.0, 2.0, 0.0], weight, -100, "sum"),
            ("weight none, a row ignored", [1.0, -100.0, 2.0, 0.0], weight, -100, "none"),
            ("ignore_index=2 (a class) mean", [1.0, 2.0, 0.0, 2.0], None, 2, "mean"),
            ("weight and ignore_index=-1 mean", [-1.0, 2.0, 0.0, 1.0], weight, -1, "mean")]:
        args = {"weight": w, "ignore_index": ii, "reduction": reduction}
        op.case(name, [op.normal(4, 3), np.array(labels)],
                lambda x, y, w=w, ii=ii, r=reduction: np_class_loss(x, y, w, ii, r),
                lambda x, y, w=w, ii=ii, r=reduction: F.nll_loss(x, y.long(), None if w is None else torch.tensor(w),
                                                                ignore_index=ii, reduction=r),
                args=args, diff=[True, False])
    op.write()

    op = Op("cross_entropy_weighted", "torch.nn.functional.cross_entropy (weight, ignore_index, label_smoothing)"
            " forward (checked against NumPy) and autograd")
    for name, labels, w, ii, reduction, eps in [
            ("weight mean", [1.0, 0.0, 2.0, 2.0], weight, -100, "mean", 0.0),
            ("label_smoothing=0.1 mean", [1.0, 0.0, 2.0, 2.0], None, -100, "mean", 0.1),
            ("weight, a row ignored, label_smoothing=0.2 mean", [1.0, -100.0, 2.0, 0.0], weight, -100, "mean", 0.2),
            ("weight, a row ignored, label_smoothing=0.2 sum", [1.0, -100.0, 2.0, 0.0], weight, -100, "sum", 0.2),
            ("ignore_index=0, label_smoothing=0.3 none", [1.0, 0.0, 2.0, 0.0], None, 0, "none", 0.3),
            ("label_smoothing=1.0 mean", [2.0, 1.0, 1.0, 0.0], weight, -100, "mean", 1.0)]:
        args = {"weight": w, "ignore_index": ii, "reduction": reduction, "label_smoothing": eps}
        op.case(name, [op.normal(4, 3), np.array(labels)],
                lambda x, y, w=w, ii=ii, r=reduction, e=eps: np_class_loss(scipy.special.log_softmax(x, axis=1), y, w,
                                                                           ii, r, e),
                lambda x, y, w=w, ii=ii, r=reduction, e=eps: F.cross_entropy(
                    x, y.long(), None if w is None else torch.tensor(w), ignore_index=ii, reduction=r, label_smoothing=e),
                args=args, diff=[True, False])
    op.write()


# ---- reductions ----

REDUCE_CASES = [((3, 4), None, False), ((3, 4), (0,), False), ((3, 4), (-1,), True), ((3, 4), (0, 1), True),
                ((2, 3, 4), (0, 2), False), ((2, 3, 4), (1,), True), ((), None, False), ((4,), (0,), False),
                ((1, 4), (0,), False), ((3, 4), None, True)]


def dims_of(shape, axis):
    return tuple(range(len(shape))) if axis is None else tuple(a % len(shape) for a in axis)


def reduce_args(axis, keepdims, **extra):
    d = {"axis": None if axis is None else list(axis), "keepdims": keepdims}
    d.update(extra)
    return d


def reductions():
    def torch_reduce(fn):
        def apply(x, axis, keepdims):
            dims = dims_of(x.shape, axis)
            return fn(x, dims, keepdims) if dims else x.clone()
        return apply

    specs = [
        ("sum", np.sum, torch_reduce(lambda x, d, k: torch.sum(x, dim=d, keepdim=k))),
        ("mean", np.mean, torch_reduce(lambda x, d, k: torch.mean(x, dim=d, keepdim=k))),
        ("logsumexp", scipy.special.logsumexp, torch_reduce(lambda x, d, k: torch.logsumexp(x, dim=d, keepdim=k))),
        ("prod", np.prod, torch_reduce(prod_dims)),
    ]
    for name, np_fn, torch_fn in specs:
        op = Op(name, "numpy/scipy " + name + " forward; torch autograd")
        for shape, axis, keepdims in REDUCE_CASES:
            x = op.normal(*shape)
            op.case(str(shape) + " axis=" + str(axis) + " keepdims=" + str(keepdims), [x],
                    lambda x, a=axis, k=keepdims, f=np_fn: f(x, axis=a, keepdims=k),
                    lambda x, a=axis, k=keepdims, f=torch_fn: f(x, a, k), args=reduce_args(axis, keepdims))
        if name == "prod":
            x = np.array([[2.0, 0.0, 3.0], [0.0, 0.0, 1.5], [1.0, -2.0, 0.5]])
            op.case("zeros in the slices", [x], lambda x: np.prod(x, axis=1), lambda x: torch.prod(x, 1),
                    args=reduce_args((1,), False))
        if name == "logsumexp":
            x = np.array([[1000.0, 1000.5, -1000.0], [-800.0, -801.0, -799.0]])
            op.case("large magnitudes (no overflow)", [x], lambda x: scipy.special.logsumexp(x, axis=-1),
                    lambda x: torch.logsumexp(x, -1), args=reduce_args((-1,), False), fd=False)
        op.write()

    for name, np_fn in [("var", np.var), ("std", np.std)]:
        op = Op(name, "numpy." + name + " forward (ddof); torch." + name + " autograd (unbiased=ddof)")
        for shape, axis, keepdims in REDUCE_CASES:
            if shape == ():
                continue
            dims = dims_of(shape, axis)
            for ddof in (0, 1):
                if int(np.prod([shape[d] for d in dims])) <= ddof:
                    continue
                x = op.normal(*shape)
                op.case(str(shape) + " axis=" + str(axis) + " keepdims=" + str(keepdims) + " ddof=" + str(ddof),
                        [x], lambda x, a=axis, k=keepdims, d=ddof, f=np_fn: f(x, axis=a, keepdims=k, ddof=d),
                        lambda x, d=dims, k=keepdims, u=ddof, n=name: getattr(torch, n)(x, dim=d, unbiased=bool(u),
                                                                                         keepdim=k),
                        args=reduce_args(axis, keepdims, ddof=ddof))
        op.write()

    for name, pick in [("max", np.argmax), ("min", np.argmin)]:
        np_fn = np.max if name == "max" else np.min
        op = Op(name, "numpy." + name + " forward; gradient routed to the first arg-" + name
                + " by numpy." + pick.__name__ + " (np.add.at)")
        for shape, axis, keepdims in REDUCE_CASES:
            x = op.normal(*shape)
            add_extreme_case(op, name, np_fn, pick, x, axis, keepdims, False)
        ties = np.array([[1.0, 3.0, 3.0, -2.0], [0.0, -1.0, 0.0, -1.0], [2.0, 2.0, 2.0, 2.0]])
        add_extreme_case(op, name, np_fn, pick, ties, (-1,), False, True)
        add_extreme_case(op, name, np_fn, pick, ties, None, False, True)
        add_extreme_case(op, name, np_fn, pick, ties, (0,), True, True)
        op.write()


def prod_dims(x, dims, keepdims):
    for d in sorted(dims, reverse=True):
        x = torch.prod(x, d, keepdim=keepdims)
    return x


def add_extreme_case(op, name, np_fn, pick, x, axis, keepdims, kink):
    """max/min with the gradient routed to the first extreme element of every slice."""
    def vjp(g, x):
        dims = dims_of(x.shape, axis)
        kept = [d for d in range(x.ndim) if d not in dims]
        moved = np.transpose(x, kept + list(dims)).reshape([x.shape[d] for d in kept] + [-1])
        first = pick(moved, axis=-1)
        grad_moved = np.zeros(moved.shape)
        gk = np.reshape(g, first.shape)
        for idx in np.ndindex(*first.shape):
            grad_moved[idx + (first[idx],)] += gk[idx]
        full = grad_moved.reshape([x.shape[d] for d in kept] + [x.shape[d] for d in dims])
        return [np.transpose(full, np.argsort(kept + list(dims)))]
    label = ("ties " if kink else "") + str(x.shape) + " axis=" + str(axis) + " keepdims=" + str(keepdims)
    op.case(label, [x], lambda x: np_fn(x, axis=axis, keepdims=keepdims), vjp=vjp,
            args=reduce_args(axis, keepdims), kink=kink)


def scans():
    op = Op("cumsum", "numpy.cumsum forward (axis None flattens); torch.cumsum autograd")
    for shape, axis in [((3, 4), None), ((3, 4), 0), ((3, 4), -1), ((4,), 0), ((), None), ((2, 3, 4), 1)]:
        op.case(str(shape) + " axis=" + str(axis), [op.normal(*shape)],
                lambda x, a=axis: np.cumsum(x, axis=a),
                lambda x, a=axis: torch.cumsum(x.reshape(-1), 0) if a is None else torch.cumsum(x, a),
                args={"axis": axis})
    op.write()

    op = Op("sort", "numpy.sort forward (axis None flattens); torch.sort values autograd")
    ties = np.array([[1.0, 0.0, 1.0, -0.0], [2.0, 2.0, -1.0, 0.0], [0.5, 0.5, 0.5, 0.5]])
    for x, axis, kink in [(op.normal(3, 4), -1, False), (op.normal(3, 4), 0, False), (op.normal(3, 4), None, False),
                          (op.normal(5), -1, False), (op.normal(2, 3, 4), 1, False), (op.normal(1, 4), 0, False),
                          (ties, -1, True), (ties, 0, True)]:
        op.case(str(x.shape) + " axis=" + str(axis) + (" with ties" if kink else ""), [x],
                lambda x, a=axis: np.sort(x, axis=a),
                lambda x, a=axis: torch.sort(x.reshape(-1), dim=0, stable=True)[0] if a is None
                else torch.sort(x, dim=a, stable=True)[0], args={"axis": axis}, kink=kink)
    op.write()

    for name, fn in [("argmax", np.argmax), ("argmin", np.argmin)]:
        op = Op(name, "numpy." + name + " (first extreme; no gradient)")
        ties = np.array([[1.0, 3.0, 3.0, -2.0], [0.0, -1.0, 0.0, -1.0], [2.0, 2.0, 2.0, 2.0]])
        for x, axis, keepdims in [(op.normal(3, 4), None, False), (op.normal(3, 4), 0, False),
                                  (op.normal(3, 4), -1, True), (ties, None, False), (ties, 1, False),
                                  (ties, 0, True), (ties, None, True), (op.normal(2, 3, 4), 1, False),
                                  (np.array(1.5), None, False)]:
            op.case(str(x.shape) + " axis=" + str(axis) + " keepdims=" + str(keepdims), [x],
                    lambda x, a=axis, k=keepdims, f=fn: f(x, axis=a, keepdims=k).astype(float),
                    args={"axis": axis, "keepdims": keepdims}, diff=[False])
        op.write()


def softmax_family():
    for name, np_fn, torch_fn in [
            ("softmax", lambda x, a: scipy.special.softmax(x, axis=a), lambda x, a: torch.softmax(x, a)),
            ("log_softmax", lambda x, a: scipy.special.log_softmax(x, axis=a), lambda x, a: torch.log_softmax(x, a))]:
        op = Op(name, "scipy.special." + name + " forward; torch autograd")
        for shape, axis in [((3, 4), -1), ((3, 4), 0), ((4,), 0), ((2, 3, 4), 1), ((1, 4), -1)]:
            op.case(str(shape) + " axis=" + str(axis), [op.normal(*shape)],
                    lambda x, a=axis, f=np_fn: f(x, a), lambda x, a=axis, f=torch_fn: f(x, a), args={"axis": axis})
        # A 0-d tensor: PyTorch takes dim 0 or -1 and normalises over its one element (SciPy has no
        # axis there), so the forward is written out: softmax 1, log-softmax 0.
        constant = 1.0 if name == "softmax" else 0.0
        for axis in [0, -1]:
            op.case("() axis=" + str(axis), [op.normal()],
                    lambda x, c=constant: np.full_like(x, c), lambda x, a=axis, f=torch_fn: f(x, a), args={"axis": axis})
        op.write()

    op = Op("cross_entropy", "torch.nn.functional.cross_entropy (mean) forward and autograd")
    for b, k in [(4, 3), (1, 1), (3, 10), (5, 2)]:
        z = op.normal(b, k)
        y = op.rng.integers(0, k, size=b).astype(float)
        op.case("(" + str(b) + ", " + str(k) + ")", [z, y],
                lambda z, y: -np.mean(scipy.special.log_softmax(z, axis=1)[np.arange(len(y)), y.astype(int)]),
                lambda z, y: F.cross_entropy(z, y.long()), diff=[True, False])
    op.write()

    op = Op("mse_loss", "torch.nn.functional.mse_loss (mean) forward and autograd")
    for a, b in [((3, 4), (3, 4)), ((4,), (4,)), ((), ()), ((3, 4), (4,)), ((2, 1, 3), (4, 1))]:
        op.case(shape_name(a, b), [op.normal(*a), op.normal(*b)],
                lambda x, t: np.mean(np.square(x - t)),
                lambda x, t: F.mse_loss(*torch.broadcast_tensors(x, t)))
    op.write()


# ---- gathering along an axis, and amax/amin ----

def gather_ops():
    op = Op("gather", "torch.gather forward and autograd (scatter-add gradient); NumPy's take_along_axis agrees")
    cases = [((3, 4), 1, (3, 2)), ((3, 4), 0, (2, 4)), ((3, 4), 1, (2, 3)), ((2, 3, 4), 2, (2, 3, 5)),
             ((2, 3, 4), 0, (3, 2, 1)), ((5,), 0, (7,))]
    for shape, dim, ishape in cases:
        index = op.rng.integers(0, shape[dim], size=ishape).astype(float)
        op.case(str(shape) + " dim " + str(dim) + " index " + str(ishape), [op.normal(*shape), index],
                lambda x, i, d=dim: np.take_along_axis(x[tuple(slice(0, n) if k != d else slice(None)
                                                                for k, n in enumerate(i.shape))], i.astype(int), d),
                lambda x, i, d=dim: torch.gather(x, d, i.long()), args={"dim": dim}, diff=[True, False])
    op.write()

    op = Op("take_along_axis", "numpy.take_along_axis forward; torch autograd of the same fancy index")
    cases = [((3, 4), 1, (3, 2), False), ((3, 4), 0, (2, 4), False), ((3, 4), 1, (1, 6), False),
             ((1, 4), 0, (3, 4), False), ((2, 3, 4), -1, (2, 3, 5), True), ((3, 4), None, (7,), True)]
    for shape, axis, ishape, negative in cases:
        size = int(np.prod(shape)) if axis is None else shape[axis]
        index = op.rng.integers(-size if negative else 0, size, size=ishape).astype(float)
        op.case(str(shape) + " axis " + str(axis) + " indices " + str(ishape), [op.normal(*shape), index],
                lambda x, i, a=axis: np.take_along_axis(x, i.astype(int), a),
                lambda x, i, a=axis: take_along_axis_torch(x, i, a), args={"axis": axis}, diff=[True, False])
    op.write()

    for name, np_fn, torch_fn in [("amax", np.amax, torch.amax), ("amin", np.amin, torch.amin)]:
        op = Op(name, "numpy." + name + " forward; torch." + name + " autograd (ties split the gradient evenly)")
        for shape, axis, keepdims in REDUCE_CASES:
            dims = dims_of(shape, axis)
            op.case(str(shape) + " axis " + str(axis) + " keepdims " + str(keepdims), [op.normal(*shape)],
                    lambda x, a=axis, k=keepdims: np_fn(x, axis=a, keepdims=k),
                    lambda x, d=dims, k=keepdims: torch_fn(x, dim=d, keepdim=k), args=reduce_args(axis, keepdims))
        ties = np.array([[1.0, 3.0, 3.0, 0.0], [2.0, 2.0, 2.0, 2.0], [-1.0, 0.0, -1.0, -1.0]])
        for axis in [(1,), (0,), None]:
            dims = dims_of(ties.shape, axis)
            op.case("ties split evenly, axis " + str(axis), [ties], lambda x, a=axis: np_fn(x, axis=a),
                    lambda x, d=dims: torch_fn(x, dim=d), args=reduce_args(axis, False), kink=True)
        op.write()


def take_along_axis_torch(x, i, axis):
    """NumPy's take_along_axis as a torch fancy index (aranges broadcast against the indices)."""
    if axis is None:
        return x.reshape(-1)[i.long()]
    axis %= x.dim()
    idx = []
    for d in range(x.dim()):
        if d == axis:
            idx.append(torch.remainder(i.long(), x.shape[axis]))
        else:
            view = [1] * x.dim()
            view[d] = x.shape[d]
            idx.append(torch.arange(x.shape[d]).reshape(view))
    return x[tuple(idx)]


# ---- shapes ----

def shape_ops():
    op = Op("reshape", "numpy.reshape forward; torch autograd")
    for shape, to in [((3, 4), (4, 3)), ((3, 4), (-1,)), ((2, 3, 4), (2, -1, 2)), ((), (1, 1)), ((4,), (2, 1, 2))]:
        x = op.normal(*shape)
        op.case(str(shape) + " -> " + str(to), [x], lambda x, t=to: np.reshape(x, t),
                lambda x, t=to: torch.reshape(x, t), args={"shape": list(to)})
    op.write()

    op = Op("transpose", "numpy.transpose forward; torch.permute autograd")
    for shape, axes in [((3, 4), None), ((2, 3, 4), (1, 2, 0)), ((3, 3, 3), (1, 2, 0)), ((2, 3, 4), (-1, 0, 1)), ((4,), None), ((), None)]:
        x = op.normal(*shape)
        perm = tuple(reversed(range(len(shape)))) if axes is None else tuple(a % len(shape) for a in axes)
        op.case(str(shape) + " axes=" + str(axes), [x], lambda x, a=axes: np.transpose(x, a),
                lambda x, p=perm: x.permute(*p) if p else x.clone(), args={"axes": None if axes is None else list(axes)})
    op.write()

    op = Op("expand_dims", "numpy.expand_dims forward; torch autograd of the reshape")
    for shape, axis in [((3, 4), (0,)), ((3, 4), (-1,)), ((3, 4), (0, 3)), ((), (0,)), ((4,), (1, -3))]:
        x = op.normal(*shape)
        expected = np.expand_dims(x, axis).shape
        op.case(str(shape) + " axis=" + str(axis), [x], lambda x, a=axis: np.expand_dims(x, a),
                lambda x, s=expected: x.reshape(s), args={"axis": list(axis)})
    op.write()

    op = Op("squeeze", "numpy.squeeze forward; torch autograd of the reshape")
    for shape, axis in [((1, 4), None), ((3, 1, 4, 1), (1,)), ((3, 1, 4, 1), None), ((1, 1), (0, 1)), ((4,), None)]:
        x = op.normal(*shape)
        expected = np.squeeze(x, axis).shape
        op.case(str(shape) + " axis=" + str(axis), [x], lambda x, a=axis: np.squeeze(x, a),
                lambda x, s=expected: x.reshape(s), args={"axis": None if axis is None else list(axis)})
    op.write()

    op = Op("broadcast_to", "numpy.broadcast_to forward; torch.broadcast_to autograd")
    for shape, to in [((4,), (3, 4)), ((), (2, 3)), ((3, 1), (2, 3, 4)), ((1, 4), (1, 4)), ((2, 1, 1), (2, 3, 2))]:
        op.case(str(shape) + " -> " + str(to), [op.normal(*shape)], lambda x, t=to: np.broadcast_to(x, t),
                lambda x, t=to: torch.broadcast_to(x, t), args={"shape": list(to)})
    op.write()

    op = Op("flip", "numpy.flip forward; torch.flip autograd")
    for shape, axis in [((3, 4), None), ((3, 4), (0,)), ((3, 4), (-1,)), ((2, 3, 4), (0, 2)), ((4,), None)]:
        dims = dims_of(shape, axis)
        op.case(str(shape) + " axis=" + str(axis), [op.normal(*shape)], lambda x, a=axis: np.flip(x, a),
                lambda x, d=dims: torch.flip(x, d), args={"axis": None if axis is None else list(axis)})
    op.write()

    for name in ("tril", "triu"):
        op = Op(name, "numpy." + name + " forward; torch." + name + " autograd (a 1-D input broadcast first)")
        for shape, k in [((4, 4), 0), ((3, 5), 1), ((2, 3, 4), -1), ((4,), 0), ((3, 4), -5), ((1, 3), 2)]:
            x = op.normal(*shape)
            op.case(str(shape) + " k=" + str(k), [x], lambda x, k=k, n=name: getattr(np, n)(x, k),
                    lambda x, k=k, n=name: getattr(torch, n)(x.expand(x.shape[0], x.shape[0]) if x.dim() == 1 else x, k),
                    args={"k": k})
        op.write()

    op = Op("trace", "numpy.trace forward; torch.diagonal(...).sum(-1) autograd")
    for shape, offset in [((3, 3), 0), ((3, 4), 1), ((4, 3), -1), ((2, 3, 4), 0), ((3, 3), 5), ((1, 1), 0),
                          ((3, 5), 2), ((5, 3), -2), ((3, 5), -1)]:
        op.case(str(shape) + " offset=" + str(offset), [op.normal(*shape)], lambda x, o=offset: np.trace(x, o),
                lambda x, o=offset: torch.diagonal(x, o, 0, 1).sum(-1), args={"offset": offset})
    op.write()

    op = Op("moveaxis", "numpy.moveaxis forward; torch.movedim autograd")
    for shape, src, dst in [((2, 3, 4), [0], [-1]), ((2, 3, 4), [0, 1], [-1, -2]), ((2, 3, 4, 5), [3, 0], [0, 2]),
                            ((3, 4), [1], [1]), ((2, 3, 4), [], [])]:
        op.case(str(shape) + " " + str(src) + " -> " + str(dst), [op.normal(*shape)],
                lambda x, a=src, b=dst: np.moveaxis(x, a, b), lambda x, a=src, b=dst: torch.movedim(x, a, b),
                args={"source": src, "destination": dst})
    op.write()

    op = Op("diag", "numpy.diag forward; torch.diag autograd")
    for shape, k in [((4,), 0), ((3,), 2), ((3,), -1), ((1,), 0), ((3, 3), 0), ((3, 5), 1), ((4, 3), -2), ((3, 4), 3),
                     ((2, 3), -2), ((3, 4), 4)]:
        op.case(str(shape) + " k=" + str(k), [op.normal(*shape)], lambda x, k=k: np.diag(x, k),
                lambda x, k=k: torch.diag(x, k), args={"k": k})
    op.write()

    op = Op("diagonal", "numpy.diagonal forward; torch.diagonal autograd")
    for shape, offset, a1, a2 in [((3, 4), 0, 0, 1), ((3, 4), 1, 1, 0), ((2, 3, 4), -1, 1, 2), ((2, 3, 4), 2, -1, 0),
                                  ((4, 4), -5, 0, 1), ((2, 3, 4, 5), 0, 3, 1)]:
        op.case(str(shape) + " offset=%d axes=(%d, %d)" % (offset, a1, a2), [op.normal(*shape)],
                lambda x, o=offset, p=a1, q=a2: np.diagonal(x, o, p, q),
                lambda x, o=offset, p=a1, q=a2: torch.diagonal(x, o, p, q),
                args={"offset": offset, "axis1": a1, "axis2": a2})
    op.write()

    op = Op("tensordot", "numpy.tensordot forward; torch.tensordot autograd")
    for sa, sb, axes in [((3, 4), (4, 5), 1), ((2, 3, 4), (3, 4, 5), 2), ((3,), (4,), 0), ((2, 3), (2, 3), 2),
                         ((2, 3, 4), (4, 2), [[0, 2], [1, 0]]), ((3, 4), (5, 3), [[0], [1]]), ((2, 3), (), 0)]:
        np_axes = axes if isinstance(axes, int) else (axes[0], axes[1])
        op.case(shape_name(sa, sb) + " axes=" + str(axes), [op.normal(*sa), op.normal(*sb)],
                lambda a, b, x=np_axes: np.tensordot(a, b, x), lambda a, b, x=np_axes: torch.tensordot(a, b, x),
                args={"axes": axes})
    op.write()

    op = Op("concatenate", "numpy.concatenate forward; torch.cat autograd")
    for shapes, axis in [([(2, 3), (4, 3)], 0), ([(2, 3), (2, 1)], -1), ([(4,), (2,)], 0),
                         ([(2, 2, 3), (2, 1, 3), (2, 4, 3)], 1), ([(1, 2)], 0)]:
        xs = [op.normal(*s) for s in shapes]
        op.case(shape_name(*shapes) + " axis=" + str(axis), xs, lambda *x, a=axis: np.concatenate(x, a),
                lambda *x, a=axis: torch.cat(x, a), args={"axis": axis})
    op.write()

    op = Op("stack", "numpy.stack forward; torch.stack autograd")
    for shapes, axis in [([(3,), (3,)], 0), ([(2, 3)] * 3, -1), ([(2, 3)] * 2, 1), ([()] * 3, 0)]:
        xs = [op.normal(*s) for s in shapes]
        op.case(shape_name(*shapes) + " axis=" + str(axis), xs, lambda *x, a=axis: np.stack(x, a),
                lambda *x, a=axis: torch.stack(x, a), args={"axis": axis})
    op.write()


def index_items(spec):
    """The NumPy index tuple of a JSON index spec."""
    items = []
    for s in spec:
        if "at" in s:
            items.append(s["at"])
        elif "slice" in s:
            items.append(slice(*s["slice"]))
        elif "newaxis" in s:
            items.append(None)
        elif "ellipsis" in s:
            items.append(Ellipsis)
        else:
            items.append(np.array(s["take"]["data"], dtype=np.int64).reshape(s["take"]["shape"]))
    return tuple(items)


def take(values):
    a = np.asarray(values, dtype=float)
    return {"take": tensor_json(a)}


def indexing():
    op = Op("index", "NumPy basic and advanced indexing forward; gradient by np.add.at (repeated indices add)")
    at = lambda i: {"at": i}
    sl = lambda *a: {"slice": list(a)}
    none = {"newaxis": True}
    dots = {"ellipsis": True}
    cases = [
        ((4, 5), [at(1)]), ((4, 5), [at(-1)]), ((4, 5), [sl(1, 3, None)]), ((4, 5), [sl(None, None, 2)]),
        ((4, 5), [sl(None, None, -1)]), ((4, 5), [sl(3, 0, -2)]), ((4, 5), [sl(None, None, None), sl(1, 4, None)]),
        ((4, 5), [none, at(2)]), ((4, 5), [dots, at(0)]), ((4, 5), [take([0, 2, 2])]),
        ((4, 5), [take([0, 2, 2]), take([1, 1, 4])]), ((4, 5), [take([[0, 1], [1, 0]])]),
        ((4, 5), [sl(1, 3, None), take([0, 0, 4])]), ((4, 5), [sl(-100, 100, None), sl(None, None, -3)]),
        ((2, 3, 4), [at(0), sl(None, None, None), take([1, 2])]),
        ((2, 3, 4), [sl(None, None, None), take([0, 1]), none, take([1, 1])]),
        ((2, 3, 4), [dots, take([1, 1, 3])]), ((2, 3, 4), [take([1, 0, 1]), dots, take([0, 0, 3])]),
        ((2, 3, 4), [at(-1), sl(None, None, -2), none]), ((6,), [take([-1, 0, -1, 5])]),
        ((4, 5), [take([3, 1]), at(-2)]), ((3,), [sl(5, None, None)]), ((2, 3), [dots]), ((), [none]),
        ((3, 4), [take([[0], [2]]), take([1, 3, 3])]),
        ((3, 2, 4, 5), [sl(None, None, None), at(0), sl(None, None, None), take([1, 2])]),
        ((4, 5), [take([2, 2, 0]), take([1, 1, 3])]),
    ]
    for shape, spec in cases:
        x = op.normal(*shape)
        idx = index_items(spec)

        def vjp(g, x, idx=idx):
            grad = np.zeros(x.shape)
            np.add.at(grad, idx, g)
            return [grad]
        op.case(str(shape) + " " + describe_index(spec), [x], lambda x, i=idx: x[i], vjp=vjp, args={"index": spec})
    for k in range(40):
        shape, spec = random_index(op.rng)

        def vjp(g, x, idx=index_items(spec)):
            grad = np.zeros(x.shape)
            np.add.at(grad, idx, g)
            return [grad]
        op.case("random " + str(k) + ": " + str(shape) + " " + describe_index(spec), [op.normal(*shape)],
                lambda x, i=index_items(spec): x[i], vjp=vjp, args={"index": spec})
    op.write()


def random_index(rng):
    """A random valid NumPy index: integers, slices (any step sign), None, at most one ..., arrays."""
    while True:
        shape = tuple(int(d) for d in rng.integers(1, 5, size=rng.integers(1, 4)))
        spec, axis, ellipsis = [], 0, False
        while axis < len(shape) and rng.random() < 0.85:
            kind = rng.integers(0, 6)
            d = shape[axis]
            if kind == 0:
                spec.append({"at": int(rng.integers(-d, d))})
            elif kind in (1, 2):
                bound = lambda: None if rng.random() < 0.3 else int(rng.integers(-d - 2, d + 2))
                step = [None, 1, 2, -1, -2, 3][int(rng.integers(0, 6))]
                spec.append({"slice": [bound(), bound(), step]})
            elif kind == 3:
                spec.append({"newaxis": True})
                continue
            elif kind == 4 and not ellipsis:
                spec.append({"ellipsis": True})
                ellipsis = True
                axis = len(shape) - sum(1 for t in spec if "at" in t or "slice" in t or "take" in t) + axis
                continue
            else:
                n = int(rng.integers(1, 4))
                spec.append(take(rng.integers(-d, d, size=(n,) if rng.random() < 0.7 else (n, 1))))
            axis += 1
        try:
            np.zeros(shape)[index_items(spec)]
            return shape, spec
        except (IndexError, ValueError):
            continue


def describe_index(spec):
    parts = []
    for s in spec:
        if "at" in s:
            parts.append(str(s["at"]))
        elif "slice" in s:
            parts.append(":".join("" if v is None else str(v) for v in s["slice"]))
        elif "newaxis" in s:
            parts.append("None")
        elif "ellipsis" in s:
            parts.append("...")
        else:
            parts.append(str(np.array(s["take"]["data"], dtype=int).reshape(s["take"]["shape"]).tolist()))
    return "[" + ", ".join(parts) + "]"


# ---- products ----

def products():
    op = Op("matmul", "numpy.matmul forward; torch.matmul autograd")
    pairs = [((3, 4), (4, 5)), ((3, 3), (3, 3)), ((2, 3, 3), (3, 3)), ((2, 3, 4), (4, 5)), ((5,), (5, 3)), ((3, 4), (4,)), ((4,), (4,)),
             ((4, 5), (2, 5, 3)), ((2, 1, 3, 4), (5, 4, 2)), ((1, 4), (4, 1)), ((2, 3, 4), (4,)), ((4,), (2, 4, 3))]
    for a, b in pairs:
        op.case(shape_name(a, b), [op.normal(*a), op.normal(*b)], np.matmul, torch.matmul)
    op.write()

    op = Op("dot", "numpy.dot forward; torch autograd of the same contraction")
    pairs = [((), (3,)), ((4,), (4,)), ((3, 4), (4,)), ((4,), (4, 3)), ((3, 4), (4, 5)), ((2, 3, 4), (4,)),
             ((2, 3, 4), (5, 4, 6)), ((4,), (2, 4, 3)), ((3, 4), (2, 4, 5)), ((2, 3), ())]
    for a, b in pairs:
        op.case(shape_name(a, b), [op.normal(*a), op.normal(*b)], np.dot, torch_dot)
    op.write()

    op = Op("outer", "numpy.outer forward (flattens); torch.outer autograd")
    for a, b in [((3,), (4,)), ((2, 2), (3,)), ((), (3,)), ((1, 3), (2, 1))]:
        op.case(shape_name(a, b), [op.normal(*a), op.normal(*b)], np.outer,
                lambda x, y: torch.outer(x.reshape(-1), y.reshape(-1)))
    op.write()

    op = Op("einsum", "numpy.einsum forward; torch.einsum autograd")
    cases = [("ij,jk->ik", [(3, 4), (4, 5)]), ("ij,jk->ik", [(3, 3), (3, 3)]), ("ij,jk", [(3, 4), (4, 5)]), ("ii", [(3, 3)]), ("ii->i", [(3, 3)]),
             ("ij->ji", [(3, 4)]), ("...ij,...jk->...ik", [(2, 1, 3, 4), (5, 4, 2)]), ("bij,bjk", [(2, 3, 4), (2, 4, 5)]),
             ("i,i", [(4,), (4,)]), ("i,j->ij", [(3,), (4,)]), ("ijk->", [(2, 3, 4)]), ("ba,cb", [(2, 3), (4, 2)]),
             ("Ab,bc", [(2, 3), (3, 4)]), ("ba,Cb", [(2, 3), (4, 2)]), ("aZ,Zz->az", [(2, 3), (3, 4)]), ("aZ,ZA", [(2, 3), (3, 4)]), ("...i,i...", [(2, 3), (3, 2)]), (",", [(), ()]), ("i,i", [(1,), (3,)]),
             ("bhqd,bhkd->bhqk", [(2, 2, 3, 4), (2, 2, 5, 4)]), ("iij->j", [(3, 3, 2)]), ("ij,ij,ij->i", [(2, 3)] * 3),
             ("i...->...", [(3, 2, 2)]), (" ij , jk -> ki ", [(2, 3), (3, 2)])]
    for sub, shapes in cases:
        xs = [op.normal(*s) for s in shapes]
        op.case("'" + sub + "' " + shape_name(*shapes), xs, lambda *x, s=sub: np.einsum(s, *x),
                lambda *x, s=sub: torch.einsum(s, *x), args={"subscripts": sub})
    for k in range(30):
        sub, shapes = random_einsum(op.rng)
        op.case("random " + str(k) + ": '" + sub + "' " + shape_name(*shapes), [op.normal(*s) for s in shapes],
                lambda *x, s=sub: np.einsum(s, *x), lambda *x, s=sub: torch.einsum(s, *x), args={"subscripts": sub})
    op.write()


# ---- square matrices: inverse, determinant, linear systems ----

def well_conditioned(op, *shape):
    """Random square matrices moved away from singularity (normal plus 2 I), so that the inverse is moderate."""
    return op.normal(*shape) + 2 * np.eye(shape[-1])


def square_matrix_ops():
    op = Op("inv", "numpy.linalg.inv forward; torch.linalg.inv autograd")
    for shape in [(3, 3), (1, 1), (2, 2), (2, 3, 3), (4, 4), (2, 1, 2, 2)]:
        op.case(str(shape), [well_conditioned(op, *shape)], np.linalg.inv, torch.linalg.inv)
    op.case("(3, 3) normal", [op.normal(3, 3)], np.linalg.inv, torch.linalg.inv)
    op.case("a permutation (pivoting)", [np.array([[0.0, 2.0, 1.0], [1.0, 0.0, 3.0], [4.0, 1.0, 0.0]])],
            np.linalg.inv, torch.linalg.inv)
    op.write()

    op = Op("det", "numpy.linalg.det forward; torch.linalg.det autograd")
    for shape in [(3, 3), (1, 1), (2, 2), (2, 3, 3), (4, 4), (2, 1, 2, 2)]:
        op.case(str(shape), [well_conditioned(op, *shape)], np.linalg.det, torch.linalg.det)
    op.case("(3, 3) normal", [op.normal(3, 3)], np.linalg.det, torch.linalg.det)
    op.case("a row swap makes it negative", [np.array([[0.0, 1.0], [1.0, 0.0]])], np.linalg.det, torch.linalg.det)
    # Exactly singular (an exact zero pivot): det 0, and the gradient the cofactor matrix, which exists
    # (det(A + e E_ij) = e C_ij). torch 1.13 returns 0 there, which finite differences refute, so the
    # gradient is written out from the minors in NumPy.
    op.case("singular of rank 2 (cofactors)", [np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]])],
            np.linalg.det, vjp=lambda g, a: [g * cofactors(a)])
    op.case("singular of rank 1 (cofactors 0)", [np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [3.0, 6.0, 9.0]])],
            np.linalg.det, vjp=lambda g, a: [g * cofactors(a)])
    op.write()

    op = Op("solve", "numpy.linalg.solve forward (a vector b as b[..., None]); torch.linalg.solve autograd")
    pairs = [((3, 3), (3,)), ((3, 3), (3, 2)), ((2, 3, 3), (2, 3, 2)), ((3, 3), (2, 3, 2)), ((1, 3, 3), (2, 3, 1)),
             ((2, 3, 3), (3,)), ((1, 1), (1, 2)), ((4, 4), (4, 3))]
    for a, b in pairs:
        op.case(shape_name(a, b), [well_conditioned(op, *a), op.normal(*b)], np_solve, torch.linalg.solve)
    op.write()


def cofactors(a):
    """The cofactor matrix of one square matrix, (-1)^(i+j) det(minor ij), by definition."""
    n = a.shape[0]
    return np.array([[(-1) ** (i + j) * np.linalg.det(np.delete(np.delete(a, i, 0), j, 1)) for j in range(n)]
                     for i in range(n)])


def np_solve(a, b):
    """NumPy's solve, with a vector b (one axis) solved as one column: NumPy 2's reading, and PyTorch's."""
    if b.ndim == 1:
        return np.linalg.solve(a, np.broadcast_to(b[:, None], a.shape[:-1] + (1,)))[..., 0]
    return np.linalg.solve(a, b)


def random_einsum(rng):
    """Random subscripts over letters i-m (sizes 1-3): repeats, broadcasting, '...', implicit or explicit."""
    sizes = {c: int(rng.integers(1, 4)) for c in "ijklm"}
    batch = tuple(int(d) for d in rng.integers(1, 3, size=rng.integers(0, 3)))
    terms, shapes = [], []
    for _ in range(int(rng.integers(1, 4))):
        letters = "".join(rng.choice(list("ijklm"), size=int(rng.integers(0, 4))))
        shape = [sizes[c] for c in letters]
        if batch and rng.random() < 0.5:
            cut = int(rng.integers(0, len(batch) + 1))
            shape = [1 if rng.random() < 0.3 else d for d in batch[cut:]] + shape
            letters = "..." + letters
        terms.append(letters)
        shapes.append(tuple(shape))
    sub = ",".join(terms)
    if rng.random() < 0.6:
        used = sorted(set("".join(terms).replace(".", "")))
        out = "".join(c for c in used if rng.random() < 0.5)
        sub += "->" + ("..." if "..." in sub else "") + out
    np.einsum(sub, *[np.zeros(s) for s in shapes])
    return sub, shapes


def torch_dot(a, b):
    if a.dim() == 0 or b.dim() == 0:
        return a * b
    if b.dim() == 1 or (a.dim() <= 2 and b.dim() <= 2):
        return torch.matmul(a, b)
    return torch.tensordot(a, b, dims=([-1], [-2]))


# ---- neural-network functions ----

def convolutions():
    op = Op("conv1d", "torch.nn.functional.conv1d forward and autograd")
    cases = [((2, 3, 7), (4, 3, 3), True, 1, 0), ((2, 3, 7), (4, 3, 3), True, 2, 1), ((1, 2, 5), (3, 2, 5), False, 1, 0),
             ((3, 6), (2, 3, 2), True, 3, 2), ((2, 1, 4), (1, 1, 1), True, 1, 1), ((1, 1, 2), (1, 1, 3), True, 1, 1)]
    for xs, ws, bias, stride, pad in cases:
        add_conv_case(op, xs, ws, bias, {"stride": stride, "padding": pad},
                      lambda x, w, b=None, s=stride, p=pad: F.conv1d(x, w, b, s, p))
    # dilation and groups (a depthwise convolution last, unbatched)
    for xs, ws, bias, stride, pad, dil, groups in [((2, 4, 9), (6, 2, 3), True, 1, 1, 2, 2),
                                                   ((3, 10), (3, 1, 3), False, 2, 2, 3, 3)]:
        add_conv_case(op, xs, ws, bias, {"stride": stride, "padding": pad, "dilation": dil, "groups": groups},
                      lambda x, w, b=None, s=stride, p=pad, d=dil, g=groups: F.conv1d(x, w, b, s, p, d, g))
    op.write()

    op = Op("conv2d", "torch.nn.functional.conv2d forward and autograd")
    cases = [((2, 2, 5, 6), (3, 2, 3, 2), True, [1, 1], [0, 0]), ((2, 2, 5, 6), (3, 2, 3, 2), True, [2, 1], [1, 0]),
             ((1, 3, 6, 6), (2, 3, 3, 3), False, [2, 2], [1, 1]), ((2, 4, 4), (3, 2, 2, 2), True, [1, 2], [1, 1]),
             ((1, 1, 3, 3), (1, 1, 3, 3), True, [1, 1], [0, 0]), ((1, 1, 4, 2), (1, 1, 2, 3), True, [1, 1], [0, 1])]
    for xs, ws, bias, stride, pad in cases:
        add_conv_case(op, xs, ws, bias, {"stride": stride, "padding": pad},
                      lambda x, w, b=None, s=stride, p=pad: F.conv2d(x, w, b, s, p))
    for xs, ws, bias, stride, pad, dil, groups in [((1, 4, 6, 7), (6, 2, 3, 2), True, [1, 2], [1, 0], [2, 1], 2),
                                                   ((2, 3, 5, 5), (3, 1, 2, 2), True, [1, 1], [0, 0], [2, 2], 3)]:
        add_conv_case(op, xs, ws, bias, {"stride": stride, "padding": pad, "dilation": dil, "groups": groups},
                      lambda x, w, b=None, s=stride, p=pad, d=dil, g=groups: F.conv2d(x, w, b, s, p, d, g))
    op.write()

    op = Op("conv_transpose1d", "torch.nn.functional.conv_transpose1d forward and autograd")
    cases = [((2, 3, 4), (3, 2, 3), True, 1, 0, 0), ((2, 3, 4), (3, 2, 3), True, 2, 1, 0),
             ((1, 2, 3), (2, 3, 2), False, 3, 0, 2), ((3, 5), (3, 1, 4), True, 2, 2, 1)]
    for xs, ws, bias, stride, pad, outpad in cases:
        add_conv_case(op, xs, ws, bias, {"stride": stride, "padding": pad, "output_padding": outpad},
                      lambda x, w, b=None, s=stride, p=pad, q=outpad: F.conv_transpose1d(x, w, b, s, p, q))
    # groups and dilation, in torch's positional order (output_padding, groups, dilation); output
    # padding below the dilation though not below the stride
    for xs, ws, bias, stride, pad, outpad, groups, dil in [((2, 4, 4), (4, 3, 3), True, 2, 1, 1, 2, 2),
                                                           ((1, 2, 3), (2, 2, 2), True, 1, 0, 2, 1, 3)]:
        add_conv_case(op, xs, ws, bias, {"stride": stride, "padding": pad, "output_padding": outpad, "groups": groups,
                                         "dilation": dil},
                      lambda x, w, b=None, s=stride, p=pad, q=outpad, g=groups, d=dil:
                      F.conv_transpose1d(x, w, b, s, p, q, g, d))
    op.write()

    op = Op("conv_transpose2d", "torch.nn.functional.conv_transpose2d forward and autograd")
    cases = [((2, 3, 3, 4), (3, 2, 3, 2), True, [2, 1], [1, 0], [0, 0]),
             ((1, 2, 2, 3), (2, 2, 2, 2), False, [2, 2], [0, 0], [1, 1]),
             ((2, 3, 3), (2, 1, 3, 3), True, [1, 1], [1, 1], [0, 0]),
             ((1, 1, 3, 3), (1, 2, 3, 3), True, [3, 2], [1, 0], [2, 1])]
    for xs, ws, bias, stride, pad, outpad in cases:
        add_conv_case(op, xs, ws, bias, {"stride": stride, "padding": pad, "output_padding": outpad},
                      lambda x, w, b=None, s=stride, p=pad, q=outpad: F.conv_transpose2d(x, w, b, s, p, q))
    for xs, ws, bias, stride, pad, outpad, groups, dil in [
            ((1, 4, 3, 3), (4, 1, 2, 3), True, [2, 1], [0, 1], [1, 0], 2, [1, 2]),
            ((2, 3, 2, 2), (3, 2, 2, 2), False, [1, 1], [0, 0], [0, 0], 3, [3, 2])]:
        add_conv_case(op, xs, ws, bias, {"stride": stride, "padding": pad, "output_padding": outpad, "groups": groups,
                                         "dilation": dil},
                      lambda x, w, b=None, s=stride, p=pad, q=outpad, g=groups, d=dil:
                      F.conv_transpose2d(x, w, b, s, p, q, g, d))
    op.write()


def add_conv_case(op, xs, ws, bias, args, torch_fn):
    transposed = op.name.startswith("conv_transpose")
    out_channels = ws[1] * args.get("groups", 1) if transposed else ws[0]
    inputs = [op.normal(*xs), op.normal(*ws)] + ([op.normal(out_channels)] if bias else [])
    label = shape_name(xs, ws) + (" with bias " if bias else " no bias ") + json.dumps(args)

    def forward(*arrays):
        return torch_fn(*[torch.tensor(a) for a in arrays]).numpy()
    op.case(label, inputs, forward, torch_fn, args=dict(args, bias=bias))


def pooling():
    cases = [((2, 3, 6, 6), [2, 2], None, [0, 0]), ((1, 2, 5, 7), [3, 2], [2, 1], [1, 1]),
             ((3, 5, 5), [3, 3], [1, 1], [0, 0]), ((1, 1, 4, 4), [2, 3], [1, 2], [1, 1])]
    for name, fn in [("max_pool2d", F.max_pool2d), ("avg_pool2d", F.avg_pool2d)]:
        op = Op(name, "torch.nn.functional." + name + " forward and autograd")
        for xs, k, s, p in cases:
            add_pool_case(op, fn, op.normal(*xs), k, s, p, False)
        if name == "max_pool2d":
            x = op.rng.integers(0, 3, size=(1, 1, 5, 5)).astype(float)
            add_pool_case(op, fn, x, [3, 3], [1, 1], [1, 1], True)
            add_pool_case(op, fn, x, [2, 2], [2, 2], [0, 0], True)
        op.write()


def add_pool_case(op, fn, x, k, s, p, ties):
    def forward(x):
        return fn(torch.tensor(x), k, s, p).numpy()
    label = ("ties (first max wins) " if ties else "") + str(x.shape) + " kernel=" + str(k) + " stride=" + str(s) \
        + " padding=" + str(p)
    op.case(label, [x], forward, lambda t: fn(t, k, s, p),
            args={"kernel_size": k, "stride": s, "padding": p}, kink=ties)


def pooling_1d():
    cases = [((2, 3, 8), 2, None, 0), ((1, 2, 9), 3, 2, 1), ((3, 7), 3, 1, 0), ((1, 1, 6), 4, 3, 2)]
    for name, fn in [("max_pool1d", F.max_pool1d), ("avg_pool1d", F.avg_pool1d)]:
        op = Op(name, "torch.nn.functional." + name + " forward and autograd")
        for xs, k, s, p in cases:
            add_pool_case(op, fn, op.normal(*xs), k, s, p, False)
        if name == "max_pool1d":
            x = op.rng.integers(0, 3, size=(1, 2, 7)).astype(float)
            add_pool_case(op, fn, x, 3, 1, 1, True)
        op.write()


def adaptive_pooling():
    # The bins start at floor(i * L / out) and end at ceil((i + 1) * L / out): sizes that divide, that do
    # not (overlapping bins), an output larger than the input, and unbatched inputs.
    specs = [("adaptive_avg_pool1d", F.adaptive_avg_pool1d, [((2, 3, 8), 4), ((1, 2, 7), 3), ((3, 5), 7), ((1, 1, 4), 1)]),
             ("adaptive_max_pool1d", F.adaptive_max_pool1d, [((2, 3, 8), 4), ((1, 2, 7), 3), ((3, 5), 7)]),
             ("adaptive_avg_pool2d", F.adaptive_avg_pool2d,
              [((2, 3, 6, 6), [3, 3]), ((1, 2, 7, 5), [3, 2]), ((2, 4, 3), [5, 2]), ((1, 1, 4, 4), [1, 1])]),
             ("adaptive_max_pool2d", F.adaptive_max_pool2d,
              [((2, 3, 6, 6), [3, 3]), ((1, 2, 7, 5), [3, 2]), ((2, 4, 3), [5, 2])])]
    for name, fn, cases in specs:
        op = Op(name, "torch.nn.functional." + name + " forward and autograd")
        for xs, size in cases:
            add_adaptive_case(op, fn, op.normal(*xs), size, False)
        if "max" in name:
            shape = (1, 2, 7) if name.endswith("1d") else (1, 1, 5, 7)
            add_adaptive_case(op, fn, op.rng.integers(0, 3, size=shape).astype(float), 3 if name.endswith("1d") else [2, 3],
                              True)
        op.write()


def add_adaptive_case(op, fn, x, size, ties):
    def forward(x):
        return fn(torch.tensor(x), size).numpy()
    label = ("ties (first max wins) " if ties else "") + str(x.shape) + " output_size=" + str(size)
    op.case(label, [x], forward, lambda t: fn(t, size), args={"output_size": size}, kink=ties)


def margin_losses():
    """The margin losses (reduction='none'), each with random cases and one at the hinge's kink, where
    PyTorch's clamp_min passes the gradient and multi_margin_loss's kernel (z > 0) does not."""
    sign = lambda op, *shape: np.where(op.rng.random(shape) < 0.5, -1.0, 1.0)

    op = Op("margin_ranking_loss", "torch.nn.functional.margin_ranking_loss forward and autograd")
    for shape, margin in [((5,), 0.0), ((2, 3), 0.5)]:
        x1, x2, y = op.normal(*shape), op.normal(*shape), sign(op, *shape)
        add_loss_case(op, str(shape) + " margin=%s" % margin, [x1, x2, y], [True, True, False], {"margin": margin},
                      lambda a, b, t, m=margin: F.margin_ranking_loss(a, b, t, margin=m, reduction="none"))
    add_loss_case(op, "kink: the hinge at 0 passes the gradient", [[1.0, 0.0], [0.5, 0.5], [1.0, -1.0]],
                  [True, True, False], {"margin": 0.5},
                  lambda a, b, t: F.margin_ranking_loss(a, b, t, margin=0.5, reduction="none"), kink=True)
    op.write()

    op = Op("hinge_embedding_loss", "torch.nn.functional.hinge_embedding_loss forward and autograd")
    add_loss_case(op, "(2, 4) margin=1.0", [op.normal(2, 4), sign(op, 2, 4)], [True, False], {"margin": 1.0},
                  lambda a, t: F.hinge_embedding_loss(a, t, reduction="none"))
    add_loss_case(op, "(5,) margin=0.5, a target neither 1 nor -1", [op.normal(5), [1.0, -1.0, 0.0, -1.0, 1.0]],
                  [True, False], {"margin": 0.5}, lambda a, t: F.hinge_embedding_loss(a, t, 0.5, reduction="none"))
    add_loss_case(op, "kink: margin - input = 0 passes the gradient", [[0.3, 1.0, 2.0], [1.0, -1.0, -1.0]],
                  [True, False], {"margin": 1.0}, lambda a, t: F.hinge_embedding_loss(a, t, reduction="none"), kink=True)
    op.write()

    op = Op("soft_margin_loss", "torch.nn.functional.soft_margin_loss forward and autograd")
    add_loss_case(op, "(3, 4)", [op.normal(3, 4), sign(op, 3, 4)], [True, False], {},
                  lambda a, t: F.soft_margin_loss(a, t, reduction="none"))
    add_loss_case(op, "(4,) with a real-valued target", [op.normal(4), op.normal(4)], [True, False], {},
                  lambda a, t: F.soft_margin_loss(a, t, reduction="none"))
    op.write()

    op = Op("multi_margin_loss", "torch.nn.functional.multi_margin_loss forward and autograd")
    for p, margin, weighted in [(1, 1.0, False), (2, 0.5, True), (1, 2.0, True)]:
        x, y = op.normal(4, 3), op.rng.integers(0, 3, size=4).astype(float)
        inputs = [x, y] + ([op.positive(3)] if weighted else [])
        add_loss_case(op, "(4, 3) p=%d margin=%s weight=%s" % (p, margin, weighted), inputs,
                      [True, False] + ([False] if weighted else []), {"p": p, "margin": margin},
                      lambda a, t, w=None, p=p, m=margin: F.multi_margin_loss(a, t.long(), p, m, w, reduction="none"))
    add_loss_case(op, "(3,) one sample", [op.normal(3), np.array(2.0)], [True, False], {"p": 1, "margin": 1.0},
                  lambda a, t: F.multi_margin_loss(a, t.long(), reduction="none"))
    add_loss_case(op, "kink: a zero margin gets no gradient", [[[1.0, 0.0, 0.5], [0.5, 1.0, 0.0]], [0.0, 1.0]],
                  [True, False], {"p": 1, "margin": 1.0},
                  lambda a, t: F.multi_margin_loss(a, t.long(), reduction="none"), kink=True)
    op.write()

    op = Op("triplet_margin_loss", "torch.nn.functional.triplet_margin_loss forward and autograd")
    for shape, margin, p, swap in [((4, 3), 1.0, 2.0, False), ((4, 3), 0.5, 1.0, True), ((3,), 2.0, 3.0, False)]:
        add_loss_case(op, str(shape) + " margin=%s p=%s swap=%s" % (margin, p, swap),
                      [op.normal(*shape), op.normal(*shape), op.normal(*shape)], [True, True, True],
                      {"margin": margin, "p": p, "eps": 1e-6, "swap": swap},
                      lambda a, b, c, m=margin, p=p, s=swap: F.triplet_margin_loss(a, b, c, m, p, 1e-6, s,
                                                                                  reduction="none"))
    op.write()

    op = Op("cosine_embedding_loss", "torch.nn.functional.cosine_embedding_loss forward and autograd")
    add_loss_case(op, "(5, 3) margin=0.0", [op.normal(5, 3), op.normal(5, 3), sign(op, 5)], [True, True, False],
                  {"margin": 0.0}, lambda a, b, t: F.cosine_embedding_loss(a, b, t, reduction="none"))
    add_loss_case(op, "(4,) margin=-0.5", [op.normal(4), op.normal(4), np.array(-1.0)], [True, True, False],
                  {"margin": -0.5}, lambda a, b, t: F.cosine_embedding_loss(a, b, t, -0.5, reduction="none"))
    op.write()


def add_loss_case(op, name, inputs, diff, args, torch_fn, kink=False):
    def forward(*arrays):
        return torch_fn(*[torch.tensor(np.asarray(a, dtype=np.float64)) for a in arrays]).numpy()
    op.case(name, inputs, forward, torch_fn, args=args, diff=diff, kink=kink)


def embedding():
    op = Op("embedding", "numpy fancy indexing weight[indices] forward; torch.nn.functional.embedding autograd")
    cases = [((5, 3), (4,), None), ((6, 2), (2, 3), None), ((4, 3), (2, 5), 0), ((4, 3), (3, 4), -1),
             ((3, 4), (), None), ((5, 2), (2, 2, 3), 2)]
    for ws, xs, pad in cases:
        weight = op.normal(*ws)
        indices = op.rng.integers(0, ws[0], size=xs).astype(float)
        if pad is not None:
            indices.reshape(-1)[:2] = pad % ws[0]  # the padding row is read, and gets no gradient
        label = shape_name(ws, xs) + " padding_idx=" + str(pad)
        # The weight first, as the engine's operands: the indices are the second, never differentiated.
        op.case(label, [weight, indices], lambda w, i: w[i.astype(int)],
                lambda w, i, p=pad: F.embedding(i.long(), w, padding_idx=p),
                args={"padding_idx": pad}, diff=[True, False])
    op.write()


# ---- constructors ----

def constructors():
    op = Op("eye", "numpy.eye")
    for n, m, k in [(3, 3, 0), (3, 4, 1), (4, 3, -2), (2, 5, 7), (0, 2, 0)]:
        op.case("eye(%d, %d, k=%d)" % (n, m, k), [], lambda n=n, m=m, k=k: np.eye(n, m, k), args={"n": n, "m": m, "k": k})
    op.write()

    op = Op("arange", "numpy.arange")
    for a, b, s in [(0, 5, 1), (1, 2, 0.3), (5, 0, -1.5), (3, 1, 1), (-2.5, 2.5, 0.5), (0, 1, 0.1)]:
        op.case("arange(%s, %s, %s)" % (a, b, s), [], lambda a=a, b=b, s=s: np.arange(a, b, s, dtype=float),
                args={"start": a, "stop": b, "step": s})
    op.write()


def main():
    unary_ops()
    binary_ops()
    where_and_clip()
    selections()
    deep_learning_ops()
    attention_ops()
    pad_ops()
    repetition_ops()
    norms()
    step_ops()
    heaviside_ops()
    trig_ops()
    activation_ops()
    gather_ops()
    reductions()
    scans()
    softmax_family()
    shape_ops()
    indexing()
    products()
    square_matrix_ops()
    convolutions()
    pooling()
    pooling_1d()
    adaptive_pooling()
    embedding()
    margin_losses()
    constructors()


if __name__ == "__main__":
    main()
