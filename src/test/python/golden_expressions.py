#!/usr/bin/python3
"""Writes the golden fixture of the claim language: src/test/resources/golden/expressions/expressions.json.

An independent oracle for the language itself. Each case is an expression in gradproof's claim
language with its NumPy / PyTorch equivalent written by hand here, and inputs drawn from a seeded
generator. The script records the forward value (NumPy, SciPy or PyTorch, float64) and, for a random
upstream gradient, the vector-Jacobian product with respect to every float input (PyTorch's
autograd; for indexing, whose NumPy semantics PyTorch lacks (negative steps), the product is the
scatter-add of the upstream through the index map `np.arange(x.size).reshape(x.shape)[index]`).
GoldenExpressionsTest parses and evaluates each expression with gradproof on the same inputs and
compares.

Run from the repository root:  /usr/bin/python3 src/test/python/golden_expressions.py
(torch 1.13, numpy 1.24, scipy 1.10). The output is deterministic; commit it with the change that
needs it. `mvn install` never runs this script.
"""

import json
import os
import zlib

import numpy as np
import scipy.special
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
OUT = os.path.join("src", "test", "resources", "golden", "expressions", "expressions.json")

CASES = []


def case(name, expr, reference, inputs, dims=None, index_of=None):
    """Declares one case.

    expr: the expression in gradproof's language.
    reference: a function of torch tensors (float inputs require grad; labels are int64) giving the
        same value, or None when index_of gives a NumPy indexing reference.
    inputs: {name: (axes, kind)} with axes a list of dim names or integers and kind one of
        'normal', 'positive', 'uniform', 'probability' (in [0.05, 0.95)), ('labels', K), ('ints', low, high).
    index_of: for NumPy indexing cases, a function of the NumPy input returning the index tuple.
    """
    CASES.append(dict(name=name, expr=expr, reference=reference, inputs=inputs, dims=dims or {},
                      index_of=index_of))


def t(x):
    return x


def np_dot(a, b):
    """NumPy's dot in torch: scalars multiply, otherwise a's last axis against b's second-to-last."""
    if a.dim() == 0 or b.dim() == 0:
        return a * b
    return torch.tensordot(a, b, dims=([-1], [max(b.dim() - 2, 0)]))


# ---- operators, masks, scalars and dims ----
case("add broadcasts", "a + b", lambda a, b: a + b, {"a": (["D"], "normal"), "b": (["R", "D"], "normal")},
     {"R": 4, "D": 3})
case("sub, mul, div", "(a - b) * a / (b * b + 1)", lambda a, b: (a - b) * a / (b * b + 1),
     {"a": ([3, 4], "normal"), "b": ([3, 4], "normal")})
case("power of a tensor by a tensor", "a ** b", lambda a, b: a ** b,
     {"a": ([3, 4], "positive"), "b": ([3, 4], "normal")})
case("-x ** 2 is -(x ** 2)", "-a ** 2", lambda a: -a ** 2, {"a": ([5], "normal")})
case("a dim mixes with tensors", "x / E ** 0.5 + E", lambda x: x / 4 ** 0.5 + 4, {"x": (["E"], "normal")}, {"E": 4})
case("scientific literals", "x * 1e-5 + -1e9 * (x > 0)", lambda x: x * 1e-5 + -1e9 * (x > 0).double(),
     {"x": ([6], "normal")})
case("underscores group digits, as in Python", "x * 1_000.5 + 2e-1_0 * x + 1_0 + .2_5",
     lambda x: x * 1_000.5 + 2e-1_0 * x + 1_0 + .2_5, {"x": ([4], "normal")})
case("floor division of dims", "x * (M // 2) + (M - 1) // 2", lambda x: x * (5 // 2) + (5 - 1) // 2,
     {"x": (["M"], "normal")}, {"M": 5})
case("a mask multiplies (relu backward)", "dh * (a > 0)", lambda dh, a: dh * (a > 0).double(),
     {"dh": ([4, 3], "normal"), "a": ([4, 3], "normal")})
case("every mask comparison", "(a < b) + 2 * (a <= b) + 4 * (a >= 0) + 8 * (a == a) + 16 * (a != b)",
     lambda a, b: ((a < b).double() + 2 * (a <= b).double() + 4 * (a >= 0).double()
                   + 8 * (a == a).double() + 16 * (a != b).double()),
     {"a": ([3, 4], "normal"), "b": ([4], "normal")})
case("masks combine with & | ~", "dy * ((x >= -0.5) & (x <= 0.5) | ~(x > -1))",
     lambda dy, x: dy * (((x >= -0.5) & (x <= 0.5)) | ~(x > -1)).double(),
     {"dy": ([3, 4], "normal"), "x": ([3, 4], "normal")})
case("matmul 2-D", "A @ B", lambda A, B: A @ B, {"A": (["M", "K"], "normal"), "B": (["K", "N"], "normal")},
     {"M": 3, "K": 4, "N": 5})
case("matmul 1-D on the left", "v @ B", lambda v, B: v @ B, {"v": ([4], "normal"), "B": ([4, 5], "normal")})
case("matmul 1-D on both sides", "v @ w", lambda v, w: v @ w, {"v": ([4], "normal"), "w": ([4], "normal")})
case("matmul batched with broadcasting", "A @ B", lambda A, B: A @ B,
     {"A": ([2, 1, 3, 4], "normal"), "B": ([3, 4, 2], "normal")})

case("floor division of tensors broadcasts", "a // b + floor_divide(a, 0.5) + a // M",
     lambda a, b: torch.div(a, b, rounding_mode="floor") + torch.div(a, 0.5, rounding_mode="floor")
     + torch.div(a, 3, rounding_mode="floor"), {"a": ([3, 4], "normal"), "b": ([4], "positive")}, {"M": 3})
case("floor division of tensors by a negative divisor", "(-a) // b * a",
     lambda a, b: torch.div(-a, b, rounding_mode="floor") * a, {"a": ([5], "normal"), "b": ([5], "positive")})


case("sort along the last axis, a middle axis and flat", "sort(x) + sort(x, axis=0) * 2 + sort(x, None).sum()",
     lambda x: torch.sort(x, dim=-1, stable=True)[0] + torch.sort(x, dim=0, stable=True)[0] * 2
     + torch.sort(x.reshape(-1), stable=True)[0].sum(), {"x": ([3, 4], "normal")})


def heaviside(x, h):
    """numpy.heaviside in differentiable torch ops (torch.heaviside has no derivative): h's gradient is the
    upstream where x is 0, x's is 0."""
    assert np.array_equal(torch.where(x > 0, torch.ones(()), torch.where(x < 0, torch.zeros(()), h)).detach().numpy(),
                          np.heaviside(x.detach().numpy(), h.detach().numpy()))
    return torch.where(x > 0, torch.ones(()), torch.where(x < 0, torch.zeros(()), h))


case("heaviside broadcasts, zeros take h", "heaviside(x, h)", heaviside,
     {"x": ([3, 4], ("ints", -1, 2)), "h": ([4], "normal")})
case("heaviside with PyTorch's names", "heaviside(input=x, values=0.5) * x",
     lambda x: heaviside(x, torch.tensor(0.5)) * x, {"x": ([3, 4], "normal")})

# ---- square matrices: inv, det, solve (moved away from singularity by 3 I) ----
I3 = torch.eye(3)
case("inv", "inv(A + 3 * eye(3))", lambda A: torch.linalg.inv(A + 3 * I3), {"A": ([3, 3], "normal")})
case("inv batched", "inv(S + 3 * eye(3))", lambda S: torch.linalg.inv(S + 3 * I3), {"S": ([2, 3, 3], "normal")})
case("inv with PyTorch's argument name", "inv(A=M + 3 * eye(N)) @ v",
     lambda M, v: torch.linalg.inv(M + 3 * I3) @ v, {"M": (["N", "N"], "normal"), "v": (["N"], "normal")}, {"N": 3})
case("det", "det(A + 3 * eye(3))", lambda A: torch.linalg.det(A + 3 * I3), {"A": ([3, 3], "normal")})
case("det batched", "det(S + 3 * eye(3))", lambda S: torch.linalg.det(S + 3 * I3), {"S": ([2, 3, 3], "normal")})
case("det of a product", "det(A @ B)", lambda A, B: torch.linalg.det(A @ B),
     {"A": ([2, 2], "normal"), "B": ([2, 2], "normal")})
case("solve a vector", "solve(A + 3 * eye(3), b)", lambda A, b: torch.linalg.solve(A + 3 * I3, b),
     {"A": ([3, 3], "normal"), "b": ([3], "normal")})
case("solve a matrix", "solve(A + 3 * eye(3), B)", lambda A, B: torch.linalg.solve(A + 3 * I3, B),
     {"A": ([3, 3], "normal"), "B": ([3, 2], "normal")})
case("solve batched, batch axes broadcast", "solve(S + 3 * eye(3), B)",
     lambda S, B: torch.linalg.solve(S + 3 * I3, B), {"S": ([2, 3, 3], "normal"), "B": ([1, 3, 2], "normal")})
case("solve a batch by one vector", "solve(S + 3 * eye(3), b)", lambda S, b: torch.linalg.solve(S + 3 * I3, b),
     {"S": ([2, 3, 3], "normal"), "b": ([3], "normal")})

# ---- elementwise ----
for fn, ref, kind in [("exp", torch.exp, "normal"), ("log", torch.log, "positive"), ("sqrt", torch.sqrt, "positive"),
                      ("abs", torch.abs, "normal"), ("sign", torch.sign, "normal"), ("square", torch.square, "normal"),
                      ("sin", torch.sin, "normal"), ("cos", torch.cos, "normal"), ("tanh", torch.tanh, "normal"),
                      ("log1p", torch.log1p, "positive"), ("sigmoid", torch.sigmoid, "normal"),
                      ("relu", F.relu, "normal")]:
    case(fn, fn + "(x)", ref, {"x": ([3, 4], kind)})
case("softplus", "softplus(x)", F.softplus, {"x": ([3, 4], "normal")})
case("softplus with beta and threshold", "softplus(x, beta=2, threshold=1.5)",
     lambda x: F.softplus(x, beta=2, threshold=1.5), {"x": ([3, 4], "normal")})
case("leaky_relu default slope", "leaky_relu(x)", F.leaky_relu, {"x": ([3, 4], "normal")})
case("leaky_relu slope", "leaky_relu(x, negative_slope=0.2)", lambda x: F.leaky_relu(x, 0.2), {"x": ([3, 4], "normal")})
case("maximum broadcasts", "maximum(a, b)", torch.maximum, {"a": ([3, 4], "normal"), "b": ([4], "normal")})
case("minimum with a scalar", "minimum(a, 0)", lambda a: torch.minimum(a, torch.tensor(0.0)), {"a": ([3, 4], "normal")})
case("maximum of a tie splits the gradient", "maximum(a, a)", lambda a: torch.maximum(a, a), {"a": ([5], "normal")})
case("where with a mask", "where(x > 0, x, 0.1 * x)", lambda x: torch.where(x > 0, x, 0.1 * x), {"x": ([3, 4], "normal")})
case("where broadcasts three ways", "where(c, a, b)", lambda c, a, b: torch.where(c != 0, a, b),
     {"c": ([4], ("ints", 0, 2)), "a": ([3, 1], "normal"), "b": ([3, 4], "normal")})
case("clip both bounds", "clip(x, -0.5, 0.5)", lambda x: torch.clamp(x, -0.5, 0.5), {"x": ([3, 4], "normal")})
case("clip one bound None", "clip(x, None, 0.3)", lambda x: torch.clamp(x, max=0.3), {"x": ([3, 4], "normal")})
case("clip with tensor bounds", "clip(x, lo, hi)", lambda x, lo, hi: torch.clamp(x, lo, hi),
     {"x": ([3, 4], "normal"), "lo": ([4], "normal"), "hi": ([3, 1], "positive")})

# ---- reductions ----
for fn in ["sum", "mean", "max", "min", "prod", "var", "std", "logsumexp"]:
    def reference(x, fn=fn, dim=None, keepdim=False):
        dims = dim if dim is not None else tuple(range(x.dim()))
        if fn == "sum":
            return torch.sum(x, dim=dims, keepdim=keepdim)
        if fn == "mean":
            return torch.mean(x, dim=dims, keepdim=keepdim)
        if fn == "max":
            return torch.amax(x, dim=dims, keepdim=keepdim)
        if fn == "min":
            return torch.amin(x, dim=dims, keepdim=keepdim)
        if fn == "prod":
            out = x
            for d in sorted([d % x.dim() for d in dims], reverse=True):
                out = torch.prod(out, dim=d, keepdim=keepdim)
            return out
        if fn == "var":
            return torch.var(x, dim=dims, unbiased=False, keepdim=keepdim)
        if fn == "std":
            return torch.std(x, dim=dims, unbiased=False, keepdim=keepdim)
        return torch.logsumexp(x, dim=dims, keepdim=keepdim)
    case(fn + " of everything", fn + "(x)", reference, {"x": ([3, 4], "positive")})
    case(fn + " over an axis", fn + "(x, axis=1)", lambda x, r=reference: r(x, dim=(1,)), {"x": ([3, 4], "positive")})
    case(fn + " over a negative axis, keepdims", fn + "(x, axis=-1, keepdims=True)",
         lambda x, r=reference: r(x, dim=(-1,), keepdim=True), {"x": ([3, 4], "positive")})
    case(fn + " over a tuple of axes", fn + "(x, (0, 2))", lambda x, r=reference: r(x, dim=(0, 2)),
         {"x": ([2, 3, 4], "positive")})
    if fn != "logsumexp":
        case(fn + " as a method", "x." + fn + "(axis=0)", lambda x, r=reference: r(x, dim=(0,)),
             {"x": ([3, 4], "positive")})
case("var with ddof", "var(x, axis=0, ddof=1)", lambda x: torch.var(x, dim=0, unbiased=True), {"x": ([5, 3], "normal")})
case("std with ddof as a method", "x.std(ddof=1)", lambda x: torch.std(x, unbiased=True), {"x": ([5, 3], "normal")})
case("max routes to the arg-max", "max(x, axis=0)", lambda x: torch.max(x, dim=0).values, {"x": ([4, 3], "normal")})
case("argmax flattened", "argmax(x)", lambda x: torch.argmax(x).double(), {"x": ([3, 4], "normal")})
case("argmax along an axis", "argmax(x, axis=1)", lambda x: torch.argmax(x, dim=1).double(), {"x": ([3, 4], "normal")})
case("argmin keepdims as a method", "x.argmin(axis=0, keepdims=True)",
     lambda x: torch.argmin(x, dim=0, keepdim=True).double(), {"x": ([3, 4], "normal")})
case("cumsum flattened", "cumsum(x)", lambda x: torch.cumsum(x.reshape(-1), 0), {"x": ([3, 4], "normal")})
case("cumsum along an axis", "cumsum(x, axis=-1)", lambda x: torch.cumsum(x, -1), {"x": ([3, 4], "normal")})
case("cumsum, squeeze, dot and trace as methods", "x.cumsum(0)[:, None].squeeze(1).dot(w) + x.dot(w).trace()",
     lambda x, w: torch.cumsum(x, 0) @ w + torch.trace(x @ w), {"x": ([3, 3], "normal"), "w": ([3, 3], "normal")})
case("softmax along dim", "softmax(z, dim=-1)", lambda z: F.softmax(z, dim=-1), {"z": ([3, 4], "normal")})
case("softmax with NumPy's axis=", "softmax(z, axis=0)", lambda z: F.softmax(z, dim=0), {"z": ([3, 4], "normal")})
case("log_softmax", "log_softmax(z, 1)", lambda z: F.log_softmax(z, 1), {"z": ([3, 4], "normal")})

# ---- array creation, shapes, joining ----
case("ones and zeros", "x * ones((M, N)) + zeros(N)", lambda x: x * torch.ones(3, 4) + torch.zeros(4),
     {"x": (["M", 1], "normal")}, {"M": 3, "N": 4})
case("ones_like, zeros_like", "ones_like(x) * 2 + zeros_like(x) + x", lambda x: torch.ones_like(x) * 2 + x,
     {"x": ([3, 4], "normal")})
case("eye", "x @ eye(N) + eye(N, M=N + 1, k=1)[:, 1:]",
     lambda x: x @ torch.eye(4) + torch.from_numpy(np.eye(4, 5, k=1))[:, 1:], {"x": (["N", "N"], "normal")}, {"N": 4})
case("arange forms", "x * arange(N) + arange(1, N + 1) - arange(0, 2 * N, 2) + arange(0.5, 2, 0.5)[0]",
     lambda x: x * torch.arange(4.0) + torch.arange(1.0, 5.0) - torch.arange(0.0, 8.0, 2.0) + 0.5,
     {"x": (["N"], "normal")}, {"N": 4})
case("reshape with -1", "reshape(x, (M, -1))", lambda x: x.reshape(3, -1), {"x": (["M", 2, 2], "normal")}, {"M": 3})
case("reshape as a method, packed", "x.reshape(4, 3)", lambda x: x.reshape(4, 3), {"x": ([3, 4], "normal")})
case("reshape with NumPy 2's shape=", "reshape(x, shape=-1)", lambda x: x.reshape(-1), {"x": ([3, 4], "normal")})
case("transpose with axes", "transpose(x, (1, 2, 0))", lambda x: x.permute(1, 2, 0), {"x": ([2, 3, 4], "normal")})
case("transpose as a method, packed", "x.transpose(2, 0, 1)", lambda x: x.permute(2, 0, 1), {"x": ([2, 3, 4], "normal")})
case(".T reverses the axes", "x.T", lambda x: x.permute(2, 1, 0), {"x": ([2, 3, 4], "normal")})
case("expand_dims", "expand_dims(x, 1)", lambda x: x.unsqueeze(1), {"x": ([3, 4], "normal")})
case("expand_dims with a tuple", "expand_dims(x, (0, -1))", lambda x: x.unsqueeze(0).unsqueeze(-1), {"x": ([3, 4], "normal")})
case("squeeze every size-1 axis", "squeeze(x)", lambda x: x.squeeze(), {"x": ([3, 1, 4, 1], "normal")})
case("squeeze one axis", "squeeze(x, axis=1)", lambda x: x.squeeze(1), {"x": ([3, 1, 4, 1], "normal")})
case("broadcast_to", "broadcast_to(x, (2, 3, 4))", lambda x: torch.broadcast_to(x, (2, 3, 4)), {"x": ([3, 1], "normal")})
case("flip all axes", "flip(x)", lambda x: torch.flip(x, (0, 1)), {"x": ([3, 4], "normal")})
case("flip one axis", "flip(x, axis=1)", lambda x: torch.flip(x, (1,)), {"x": ([3, 4], "normal")})
case("tril and triu", "tril(x) + triu(x, k=1) * 2 + tril(x, -1)",
     lambda x: torch.tril(x) + torch.triu(x, 1) * 2 + torch.tril(x, -1), {"x": ([4, 4], "normal")})
case("concatenate a list", "concatenate([a, b], axis=1)", lambda a, b: torch.cat([a, b], 1),
     {"a": ([3, 2], "normal"), "b": ([3, 4], "normal")})
case("concatenate a tuple, default axis", "concatenate((a, b, a))", lambda a, b: torch.cat([a, b, a], 0),
     {"a": ([2, 3], "normal"), "b": ([1, 3], "normal")})
case("concatenate flattened", "concatenate([a, b], axis=None)",
     lambda a, b: torch.cat([a.reshape(-1), b.reshape(-1)]), {"a": ([2, 3], "normal"), "b": ([4], "normal")})
case("stack", "stack([a, b, a], axis=1)", lambda a, b: torch.stack([a, b, a], 1),
     {"a": ([3, 4], "normal"), "b": ([3, 4], "normal")})

# ---- products ----
case("dot of vectors", "dot(a, b)", lambda a, b: torch.dot(a, b), {"a": ([5], "normal"), "b": ([5], "normal")})
case("dot of matrices", "dot(a, b)", np_dot, {"a": ([3, 4], "normal"), "b": ([4, 2], "normal")})
case("dot N-D with M-D", "dot(a, b)", np_dot, {"a": ([2, 3, 4], "normal"), "b": ([5, 4, 2], "normal")})
case("dot with a scalar", "dot(a, 3)", lambda a: a * 3, {"a": ([2, 3], "normal")})
case("outer flattens", "outer(a, b)", lambda a, b: torch.outer(a.reshape(-1), b.reshape(-1)),
     {"a": ([2, 2], "normal"), "b": ([3], "normal")})
case("trace", "trace(x) + trace(x, offset=1) + trace(x, -1)",
     lambda x: torch.trace(x) + torch.diagonal(x, 1).sum() + torch.diagonal(x, -1).sum(), {"x": ([4, 5], "normal")})
case("einsum explicit", "einsum('ij,jk->ik', a, b)", lambda a, b: torch.einsum("ij,jk->ik", a, b),
     {"a": ([3, 4], "normal"), "b": ([4, 2], "normal")})
case("einsum implicit", "einsum('ij,kj', a, b)", lambda a, b: torch.einsum("ij,kj", a, b),
     {"a": ([3, 4], "normal"), "b": ([2, 4], "normal")})
case("einsum diagonal and ellipsis", "einsum('...ii->...i', x)", lambda x: torch.einsum("...ii->...i", x),
     {"x": ([2, 3, 3], "normal")})
case("einsum batched attention scores", "einsum('bqd,bkd->bqk', q, k)",
     lambda q, k: torch.einsum("bqd,bkd->bqk", q, k), {"q": ([2, 3, 4], "normal"), "k": ([2, 5, 4], "normal")})

# ---- neural-network functions ----
case("cross_entropy mean", "cross_entropy(z, y)", lambda z, y: F.cross_entropy(z, y),
     {"z": (["B", "K"], "normal"), "y": (["B"], ("labels", 3))}, {"B": 4, "K": 3})
case("cross_entropy sum", "cross_entropy(z, y, reduction='sum')", lambda z, y: F.cross_entropy(z, y, reduction="sum"),
     {"z": ([4, 3], "normal"), "y": ([4], ("labels", 3))})
case("cross_entropy none", "cross_entropy(z, y, reduction='none')",
     lambda z, y: F.cross_entropy(z, y, reduction="none"), {"z": ([4, 3], "normal"), "y": ([4], ("labels", 3))})
case("mse_loss reductions", "mse_loss(a, b) + mse_loss(a, b, reduction='sum') + mse_loss(a, b, reduction='none')",
     lambda a, b: F.mse_loss(a, b) + F.mse_loss(a, b, reduction="sum") + F.mse_loss(a, b, reduction="none"),
     {"a": ([3, 4], "normal"), "b": ([3, 4], "normal")})
case("one_hot with classes", "one_hot(y, K) * 1.5", lambda y: F.one_hot(y, 5).double() * 1.5,
     {"y": ([4], ("labels", 5))}, {"K": 5})
case("conv1d stride padding bias", "conv1d(x, w, b, stride=2, padding=1)",
     lambda x, w, b: F.conv1d(x, w, b, stride=2, padding=1),
     {"x": ([2, 3, 9], "normal"), "w": ([4, 3, 3], "normal"), "b": ([4], "normal")})
case("conv1d unbatched, no bias", "conv1d(x, w)", lambda x, w: F.conv1d(x, w),
     {"x": ([2, 7], "normal"), "w": ([3, 2, 2], "normal")})
case("conv2d pair stride", "conv2d(x, w, stride=(2, 1), padding=1)",
     lambda x, w: F.conv2d(x, w, stride=(2, 1), padding=1),
     {"x": ([2, 2, 5, 6], "normal"), "w": ([3, 2, 3, 2], "normal")})
case("conv_transpose1d", "conv_transpose1d(x, w, b, stride=2, padding=1, output_padding=1)",
     lambda x, w, b: F.conv_transpose1d(x, w, b, stride=2, padding=1, output_padding=1),
     {"x": ([2, 3, 5], "normal"), "w": ([3, 2, 3], "normal"), "b": ([2], "normal")})
case("conv_transpose2d", "conv_transpose2d(x, w, stride=2, padding=(1, 0))",
     lambda x, w: F.conv_transpose2d(x, w, stride=2, padding=(1, 0)),
     {"x": ([1, 2, 3, 4], "normal"), "w": ([2, 3, 3, 2], "normal")})
case("max_pool2d stride defaults to the kernel", "max_pool2d(x, 2)", lambda x: F.max_pool2d(x, 2),
     {"x": ([2, 3, 4, 6], "normal")})
case("max_pool2d stride and padding", "max_pool2d(x, (3, 2), stride=1, padding=1)",
     lambda x: F.max_pool2d(x, (3, 2), stride=1, padding=1), {"x": ([1, 2, 5, 4], "normal")})
case("avg_pool2d", "avg_pool2d(x, 3, stride=2, padding=1)", lambda x: F.avg_pool2d(x, 3, stride=2, padding=1),
     {"x": ([2, 2, 5, 5], "normal")})

# ---- indexing (NumPy's semantics; reference through the index map) ----
case("integer and negative integer", "x[1, -1]", None, {"x": ([3, 4], "normal")}, index_of=lambda x: (1, -1))
case("slices with dims as bounds", "x[1:M, ::2]", None, {"x": (["M", 5], "normal")}, {"M": 4},
     index_of=lambda x: (slice(1, 4), slice(None, None, 2)))
case("negative step", "x[::-1, 3:0:-2]", None, {"x": ([3, 5], "normal")},
     index_of=lambda x: (slice(None, None, -1), slice(3, 0, -2)))
case("None and ellipsis", "x[..., None, 0]", None, {"x": ([2, 3, 4], "normal")}, index_of=lambda x: (Ellipsis, None, 0))
case("integer array pairs (a gather)", "p[arange(B), y]", None,
     {"p": (["B", "K"], "normal"), "y": (["B"], ("labels", 3))}, {"B": 4, "K": 3},
     index_of=lambda p, y: (np.arange(4), y))
case("repeated indices add (an embedding)", "W[idx]", None,
     {"W": ([5, 3], "normal"), "idx": ([6], ("labels", 3))}, index_of=lambda W, idx: (idx,))
case("a list of integers", "x[[0, 2, 2], 1:]", None, {"x": ([3, 4], "normal")},
     index_of=lambda x: ([0, 2, 2], slice(1, None)))
case("separated array indices go first", "x[i, :, j]", None,
     {"x": ([3, 4, 5], "normal"), "i": ([2], ("labels", 3)), "j": ([2], ("labels", 5))},
     index_of=lambda x, i, j: (i, slice(None), j))
case("an integer among arrays is an array", "x[0, :, j]", None,
     {"x": ([3, 4, 5], "normal"), "j": ([2], ("labels", 5))}, index_of=lambda x, j: (0, slice(None), j))
case("2-D index array", "x[ij]", None, {"x": ([5, 2], "normal"), "ij": ([2, 3], ("labels", 5))},
     index_of=lambda x, ij: (ij,))

# ---- course-style compositions ----
case("layer norm with var", "(x - x.mean(axis=-1, keepdims=True)) / sqrt(x.var(axis=-1, keepdims=True) + 1e-5)",
     lambda x: (x - x.mean(-1, keepdim=True)) / torch.sqrt(x.var(-1, unbiased=False, keepdim=True) + 1e-5),
     {"x": ([3, 5], "normal")})
case("attention with a causal mask",
     "softmax(where(tril(ones((T, T))) > 0, q @ k.T / D ** 0.5, -1e9), dim=-1) @ v",
     lambda q, k, v: F.softmax(torch.where(torch.tril(torch.ones(4, 4)) > 0, q @ k.T / 3 ** 0.5,
                                           torch.tensor(-1e9)), dim=-1) @ v,
     {"q": (["T", "D"], "normal"), "k": (["T", "D"], "normal"), "v": (["T", "D"], "normal")}, {"T": 4, "D": 3})
case("picked log-probabilities", "-log_softmax(z, dim=1)[arange(B), y].mean()",
     lambda z, y: -F.log_softmax(z, dim=1)[torch.arange(4), y].mean(),
     {"z": (["B", 3], "normal"), "y": (["B"], ("labels", 3))}, {"B": 4})
case("two-layer MLP", "relu(x @ W1 + b1) @ W2 + b2",
     lambda x, W1, b1, W2, b2: F.relu(x @ W1 + b1) @ W2 + b2,
     {"x": ([6, 5], "normal"), "W1": ([5, 8], "normal"), "b1": ([8], "normal"), "W2": ([8, 3], "normal"),
      "b2": ([3], "normal")})
case("shape arithmetic in an expression", "x * x.shape[0] + x.ndim + x.reshape(x.shape[1], -1).sum()",
     lambda x: x * 3 + 2 + x.sum(), {"x": ([3, 4], "normal")})


# ---- deep-learning functions: special functions, activations, binary and nll losses ----
for fn, ref, kind in [("log2", torch.log2, "positive"), ("cosh", torch.cosh, "normal"), ("sinh", torch.sinh, "normal"),
                      ("erf", torch.erf, "normal"), ("silu", F.silu, "normal"), ("logsigmoid", F.logsigmoid, "normal")]:
    case(fn, fn + "(x)", ref, {"x": ([3, 4], kind)})
case("gelu exact", "gelu(x)", F.gelu, {"x": ([3, 4], "normal")})
case("gelu tanh", "gelu(x, approximate='tanh')", lambda x: F.gelu(x, approximate="tanh"), {"x": ([3, 4], "normal")})
case("logaddexp broadcasts", "logaddexp(a, b)", torch.logaddexp, {"a": ([3, 4], "normal"), "b": ([4], "normal")})
case("binary_cross_entropy reductions",
     "binary_cross_entropy(p, t) + binary_cross_entropy(p, t, reduction='sum') + binary_cross_entropy(p, t, reduction='none')",
     lambda p, t: (F.binary_cross_entropy(p, t) + F.binary_cross_entropy(p, t, reduction="sum")
                   + F.binary_cross_entropy(p, t, reduction="none")),
     {"p": ([3, 4], "probability"), "t": ([3, 4], "probability")})
case("binary_cross_entropy_with_logits reductions",
     "binary_cross_entropy_with_logits(z, t) + binary_cross_entropy_with_logits(z, t, reduction='sum')"
     " + binary_cross_entropy_with_logits(z, t, reduction='none')",
     lambda z, t: (F.binary_cross_entropy_with_logits(z, t) + F.binary_cross_entropy_with_logits(z, t, reduction="sum")
                   + F.binary_cross_entropy_with_logits(z, t, reduction="none")),
     {"z": ([3, 4], "normal"), "t": ([3, 4], "probability")})
case("nll_loss mean", "nll_loss(l, y)", lambda l, y: F.nll_loss(l, y),
     {"l": (["B", "K"], "normal"), "y": (["B"], ("labels", 3))}, {"B": 4, "K": 3})
case("nll_loss sum and none", "nll_loss(l, y, reduction='sum') + nll_loss(l, y, reduction='none')",
     lambda l, y: F.nll_loss(l, y, reduction="sum") + F.nll_loss(l, y, reduction="none"),
     {"l": ([5, 3], "normal"), "y": ([5], ("labels", 3))})
case("layer_norm over the last axis with weight and bias", "layer_norm(x, (C,), w, b)",
     lambda x, w, b: F.layer_norm(x, (5,), w, b), {"x": ([3, 5], "normal"), "w": (["C"], "normal"), "b": (["C"], "normal")},
     {"C": 5})
case("layer_norm over two axes, an integer size and eps", "layer_norm(x, (R, C), eps=0.1) + layer_norm(x, C)",
     lambda x: F.layer_norm(x, (3, 4), eps=0.1) + F.layer_norm(x, (4,)), {"x": ([2, "R", "C"], "normal")},
     {"R": 3, "C": 4})
# ---- norms, similarities and the regression and divergence losses ----
case("norm: vector orders and the flattened default",
     "norm(v) + norm(v, 1) + norm(v, inf) + norm(v, -inf) + norm(v, 3) + norm(v, 0.5) + norm(x)",
     lambda v, x: (torch.linalg.norm(v) + torch.linalg.norm(v, 1) + torch.linalg.norm(v, float("inf"))
                   + torch.linalg.norm(v, -float("inf")) + torch.linalg.norm(v, 3) + torch.linalg.norm(v, 0.5)
                   + torch.linalg.norm(x)),
     {"v": ([5], "normal"), "x": ([2, 3, 4], "normal")})
case("norm: matrix orders", "norm(m, 'fro') + norm(m, 1) + norm(m, -1) + norm(m, inf) + norm(m, -inf)",
     lambda m: (torch.linalg.norm(m, "fro") + torch.linalg.norm(m, 1) + torch.linalg.norm(m, -1)
                + torch.linalg.norm(m, float("inf")) + torch.linalg.norm(m, -float("inf"))),
     {"m": ([3, 4], "normal")})
case("norm: axes, keepdims and PyTorch's keywords",
     "x / norm(x, axis=-1, keepdims=True) + norm(x, 1, (0, 2), True) + norm(x, ord=inf, dim=1, keepdim=True)",
     lambda x: (x / torch.linalg.norm(x, dim=-1, keepdim=True) + torch.linalg.norm(x, 1, (0, 2), True)
                + torch.linalg.norm(x, ord=float("inf"), dim=1, keepdim=True)),
     {"x": ([2, 3, 4], "normal")})
case("batch_norm in training mode, with weight and bias, on (N, C) and (N, C, L)",
     "batch_norm(x, None, None, w, b, training=True) + batch_norm(u, None, None, training=True, eps=0.1).sum(axis=2)",
     lambda x, w, b, u: (F.batch_norm(x, None, None, w, b, training=True)
                         + F.batch_norm(u, None, None, training=True, eps=0.1).sum(dim=2)),
     {"x": ([4, 3], "normal"), "w": ([3], "normal"), "b": ([3], "normal"), "u": ([4, 3, 5], "normal")})
case("batch_norm in evaluation mode reads the running statistics; in training mode they change nothing",
     "batch_norm(q, m, v, w) + batch_norm(q, m, v, training=True, momentum=0.5)",
     lambda q, m, v, w: (F.batch_norm(q, m.double(), v.double(), w) + F.batch_norm(q, m.double(), v.double(), training=True,
                                                                                momentum=0.5)),
     {"q": ([2, 3, 2, 2], "normal"), "m": ([3], ("ints", -2, 3)), "v": ([3], ("ints", 1, 4)), "w": ([3], "normal")})
case("normalize: defaults, p, dim and eps", "normalize(x) + normalize(x, 1, -1) + normalize(x, p=inf, dim=0, eps=0.5)",
     lambda x: F.normalize(x) + F.normalize(x, 1.0, -1) + F.normalize(x, p=float("inf"), dim=0, eps=0.5),
     {"x": ([3, 4], "normal")})
case("cosine_similarity: defaults and broadcasting along dim",
     "cosine_similarity(a, b) + cosine_similarity(u, b, dim=-1, eps=1e-3)[0]",
     lambda a, b, u: F.cosine_similarity(a, b) + F.cosine_similarity(u, b, dim=-1, eps=1e-3)[0],
     {"a": ([3, 4], "normal"), "b": ([3, 4], "normal"), "u": ([2, 1, 4], "normal")})
case("l1_loss, smooth_l1_loss and huber_loss: reductions, beta and delta",
     "l1_loss(a, t) + smooth_l1_loss(a, t, reduction='sum') + huber_loss(a, t, reduction='none', delta=0.5)"
     " + smooth_l1_loss(a, t, beta=0.25) + huber_loss(a, t)",
     lambda a, t: (F.l1_loss(a, t) + F.smooth_l1_loss(a, t, reduction="sum") + F.huber_loss(a, t, reduction="none", delta=0.5)
                   + F.smooth_l1_loss(a, t, beta=0.25) + F.huber_loss(a, t)),
     {"a": ([3, 4], "normal"), "t": ([3, 4], "normal")})
case("l1_loss and huber_loss broadcast the target", "l1_loss(a, t, reduction='none') + huber_loss(a, t, reduction='none')",
     lambda a, t: F.l1_loss(a, t, reduction="none") + F.huber_loss(a, t, reduction="none"),
     {"a": ([3, 4], "normal"), "t": ([4], "normal")})
case("kl_div: every reduction and log_target",
     "kl_div(l, p) + kl_div(l, p, reduction='batchmean') + kl_div(l, p, reduction='sum')"
     " + kl_div(l, p, reduction='none') + kl_div(l, log(p), reduction='batchmean', log_target=True)",
     lambda l, p: (F.kl_div(l, p) + F.kl_div(l, p, reduction="batchmean") + F.kl_div(l, p, reduction="sum")
                   + F.kl_div(l, p, reduction="none") + F.kl_div(l, torch.log(p), reduction="batchmean", log_target=True)),
     {"l": ([3, 4], "normal"), "p": ([3, 4], "probability")})
case("cross_entropy: weight, ignore_index and label_smoothing",
     "cross_entropy(z, y, w) + cross_entropy(z, y, ignore_index=1, reduction='sum', label_smoothing=0.1)"
     " + cross_entropy(z, y, w, label_smoothing=0.25) + cross_entropy(z, y, reduction='none', label_smoothing=0.2).sum()",
     lambda z, y, w: (lambda w: F.cross_entropy(z, y, w) + F.cross_entropy(z, y, ignore_index=1, reduction="sum", label_smoothing=0.1)
                      + F.cross_entropy(z, y, w, label_smoothing=0.25)
                      + F.cross_entropy(z, y, reduction="none", label_smoothing=0.2).sum())(w.double()),
     {"z": ([5, 3], "normal"), "y": ([5], ("labels", 3)), "w": ([3], ("ints", 1, 4))})
case("nll_loss: weight and ignore_index under every reduction",
     "nll_loss(l, y, w) + nll_loss(l, y, w, ignore_index=2, reduction='sum') + nll_loss(l, y, ignore_index=0, reduction='none')",
     lambda l, y, w: (lambda w: F.nll_loss(l, y, w) + F.nll_loss(l, y, w, ignore_index=2, reduction="sum")
                      + F.nll_loss(l, y, ignore_index=0, reduction="none"))(w.double()),
     {"l": ([5, 3], "normal"), "y": ([5], ("labels", 3)), "w": ([3], ("ints", 1, 4))})
case("flatten and the tensor methods", "x.exp().flatten() + flatten(u, 1, -1).sum() + x.log().abs().sqrt().flatten(0)"
     " + x.clip(min=1).flatten() + flatten(s)",
     lambda x, u, s: (x.exp().flatten() + torch.flatten(u, 1, -1).sum() + x.log().abs().sqrt().flatten(0)
                      + x.clip(min=1).flatten() + torch.flatten(s)),
     {"x": ([3, 4], "positive"), "u": ([2, 3, 4], "normal"), "s": ([], "normal")})
case("flatten of the middle axes", "flatten(u, 1, 2) * 2", lambda u: torch.flatten(u, 1, 2) * 2,
     {"u": ([2, 3, 4, 5], "normal")})


# ---- remainders and step functions ----
case("% on tensors has the divisor's sign", "3 * a % b + 3 * a % -b + (a % 0.5) * (M % 2 + -7 % 2)",
     lambda a, b: 3 * a % b + torch.remainder(3 * a, -b) + torch.remainder(a, 0.5) * (5 % 2 + -7 % 2),
     {"a": (["M"], "normal"), "b": ([3, 1], "positive")}, {"M": 5})
case("remainder and fmod", "remainder(4 * a, b) + fmod(4 * a, -b) * fmod(-4 * a, b)",
     lambda a, b: torch.remainder(4 * a, b) + torch.fmod(4 * a, -b) * torch.fmod(-4 * a, b),
     {"a": ([3, 4], "normal"), "b": ([4], "positive")})
case("floor, ceil, trunc and round keep a zero gradient", "x * floor(3 * x) + ceil(x) + trunc(3 * x) * round(x)"
     " + round(50 * x, 1) + round(50 * x, decimals=-1)",
     lambda x: x * torch.floor(3 * x) + torch.ceil(x) + torch.trunc(3 * x) * torch.round(x)
     + torch.round(50 * x, decimals=1) + torch.round(50 * x, decimals=-1),
     {"x": ([3, 4], "normal")})


# ---- circular functions, the reciprocal and powers as functions ----
case("tan and the inverse circular functions", "tan(u) + arctan(x) * arcsin(u) - arccos(u) + atan(x) + asin(u) * acos(u)",
     lambda x, u: torch.tan(u) + torch.atan(x) * torch.asin(u) - torch.acos(u) + torch.atan(x)
     + torch.asin(u) * torch.acos(u), {"x": ([3, 4], "normal"), "u": ([3, 4], "uniform")})
case("arctan2 broadcasts", "arctan2(a, b) + atan2(b, a)", lambda a, b: torch.atan2(a, b) + torch.atan2(b, a),
     {"a": ([3, 4], "normal"), "b": ([4], "normal")})
case("reciprocal, power and pow", "reciprocal(p) + power(p, x) + pow(p, 3) - power(x, 2) * pow(2, x)",
     lambda p, x: torch.reciprocal(p) + torch.pow(p, x) + torch.pow(p, 3) - torch.pow(x, 2) * torch.pow(2, x),
     {"p": ([3, 4], "positive"), "x": ([4], "normal")})


# ---- piecewise activations and softmin ----
case("elu, selu and celu", "elu(x) + elu(x, 0.5) + selu(x) * celu(x) + celu(x, alpha=2.0)",
     lambda x: F.elu(x) + F.elu(x, 0.5) + F.selu(x) * F.celu(x) + F.celu(x, alpha=2.0), {"x": ([3, 4], "normal")})
case("hardtanh, relu6, hardsigmoid and hardswish", "hardtanh(4 * x) + hardtanh(4 * x, -0.5, max_val=2)"
     " + relu6(8 * x) * hardsigmoid(4 * x) + hardswish(4 * x)",
     lambda x: F.hardtanh(4 * x) + F.hardtanh(4 * x, -0.5, max_val=2) + F.relu6(8 * x) * F.hardsigmoid(4 * x)
     + F.hardswish(4 * x), {"x": ([3, 4], "normal")})
case("softsign and mish", "softsign(x) * mish(x) + mish(3 * x)", lambda x: F.softsign(x) * F.mish(x) + F.mish(3 * x),
     {"x": ([3, 4], "normal")})
case("softmin along a dim, and by PyTorch's implicit dim", "softmin(x, dim=1) + softmin(x, axis=0) * softmin(x)",
     lambda x: F.softmin(x, dim=1) + F.softmin(x, dim=0) * F.softmin(x, dim=1), {"x": ([3, 4], "normal")})


# ---- gathering along an axis, amax and amin ----
case("gather as function and method", "gather(x, 1, y) + x.gather(1, y) * 2 + gather(x, 0, z)",
     lambda x, y, z: torch.gather(x, 1, y) + x.gather(1, y) * 2 + torch.gather(x, 0, z),
     {"x": (["B", "K"], "normal"), "y": (["B", 2], ("labels", 4)), "z": ([1, 2], ("labels", 3))}, {"B": 3, "K": 4})
case("take_along_axis broadcasts, counts negative indices from the end, flattens for axis None",
     "take_along_axis(x, i, axis=1) + take_along_axis(x, j, -1) + take_along_axis(x, f, None)[0]",
     lambda x, i, j, f: (torch.gather(x, 1, i) + torch.gather(x, 1, torch.remainder(j, 4).expand(3, 2))
                         + x.reshape(-1)[f][0]),
     {"x": ([3, 4], "normal"), "i": ([3, 2], ("labels", 4)), "j": ([1, 2], ("ints", -4, 4)), "f": ([5], ("labels", 12))})
case("amax and amin, also as methods", "amax(x, dim=1, keepdims=True) + amin(x, 0, keepdim=True) * x.amax() + x.amin(axis=(0, 1))"
     " + amax(x, ())",
     lambda x: (torch.amax(x, dim=1, keepdim=True) + torch.amin(x, 0, keepdim=True) * x.amax() + x.amin(dim=(0, 1))
                + torch.amax(x, ())), {"x": ([3, 4], "normal")})


# ---- attention and layout: masked_fill, the constants inf and pi ----
case("causal attention with masked_fill and -inf",
     "softmax((q @ k.T / sqrt(D)).masked_fill(triu(ones((T, T)), k=1) == 1, -inf), dim=-1) @ v",
     lambda q, k, v: F.softmax((q @ k.T / 3 ** 0.5).masked_fill(torch.triu(torch.ones(4, 4), 1) == 1, float("-inf")),
                               dim=-1) @ v,
     {"q": (["T", "D"], "normal"), "k": (["T", "D"], "normal"), "v": (["T", "D"], "normal")}, {"T": 4, "D": 3})
case("masked_fill with a broadcast mask and a differentiable value", "masked_fill(x, m > 0, w.sum()) + x.masked_fill(x < 0, 2)",
     lambda x, m, w: torch.masked_fill(x, m > 0, w.sum()) + x.masked_fill(x < 0, 2),
     {"x": ([3, 4], "normal"), "m": ([4], "normal"), "w": ([2], "normal")})
case("log_softmax of a row masked with -inf", "log_softmax(z.masked_fill((m > 0) & (arange(4) > 0), -inf), dim=1)[:, 0]",
     lambda z, m: F.log_softmax(z.masked_fill((m > 0) & (torch.arange(4) > 0), float("-inf")), dim=1)[:, 0],
     {"z": ([3, 4], "normal"), "m": ([3, 4], ("ints", 0, 2))}, None)
case("the constants pi and inf", "sin(pi * x) + clip(x, -inf, 0) + minimum(x, inf)",
     lambda x: torch.sin(torch.pi * x) + torch.clamp(x, min=float("-inf"), max=0) + torch.minimum(x, torch.tensor(float("inf"))),
     {"x": ([5], "normal")})

case("permute, swapaxes and unsqueeze", "u.permute(2, 0, 1) * 2 + permute(u, (2, 0, 1)) + swapaxes(u, 0, 2).swapaxes(1, 2)"
     " + x.unsqueeze(0).sum() + unsqueeze(x, -1).sum(axis=0)",
     lambda u, x: (u.permute(2, 0, 1) * 2 + torch.permute(u, (2, 0, 1)) + torch.swapaxes(u, 0, 2).swapaxes(1, 2)
                   + x.unsqueeze(0).sum() + torch.unsqueeze(x, -1).sum(0)),
     {"u": ([2, 3, 4], "normal"), "x": ([3], "normal")})
case("the two-dim transpose of PyTorch is swapaxes", "swapaxes(q, -1, -2) @ k + q.transpose(1, 0) @ k",
     lambda q, k: torch.transpose(q, -1, -2) @ k + q.transpose(1, 0) @ k,
     {"q": ([4, 3], "normal"), "k": ([4, 2], "normal")})

case("pad: constant with a crop and a value, reflect, replicate, circular",
     "pad(x, (1, -1, K - 1, 0), value=0.5).sum(axis=0) + pad(u, (2, 1), 'reflect')[0, :, :C]"
     " + pad(u, (1, 1), mode='replicate')[0, :, 1:C + 1] + pad(u, (C - 1, 0), 'circular')[0, :, :C]",
     lambda x, u: (F.pad(x, (1, -1, 2, 0), value=0.5).sum(0) + F.pad(u, (2, 1), "reflect")[0, :, :4]
                   + F.pad(u, (1, 1), mode="replicate")[0, :, 1:5] + F.pad(u, (3, 0), "circular")[0, :, :4]),
     {"x": ([2, "R", "C"], "normal"), "u": ([1, "R2", "C"], "normal")}, {"R": 3, "R2": 5, "C": 4, "K": 3})

case("tile, repeat and repeat_interleave", "tile(x, (2, 1))[:R] * 2 + x.tile(1, 2)[:, :C] + repeat(x, 2, axis=0)[::2]"
     " + repeat(x, 3).reshape(R, C, 3).sum(axis=-1) + x.repeat_interleave(2)[::2].reshape(R, C)"
     " + tile(x, dims=(1,)) + repeat_interleave(x, 2, dim=-1)[:, 1::2]",
     lambda x: (torch.tile(x, (2, 1))[:3] * 2 + x.tile(1, 2)[:, :4] + torch.repeat_interleave(x, 2, dim=0)[::2]
                + torch.repeat_interleave(x, 3).reshape(3, 4, 3).sum(-1) + x.repeat_interleave(2)[::2].reshape(3, 4)
                + torch.tile(x, dims=(1,)) + torch.repeat_interleave(x, 2, dim=-1)[:, 1::2]),
     {"x": (["R", "C"], "normal")}, {"R": 3, "C": 4})

# ---- PyTorch's tensor methods, clamp and matmul ----
case("the elementwise tensor methods", "x.sigmoid() + x.tanh() * x.relu() + x.square().neg() + x.pow(3) + p.pow(w)"
     " + pow(p, exponent=w)",
     lambda x, p, w: (x.sigmoid() + x.tanh() * x.relu() + x.square().neg() + x.pow(3) + p.pow(w)
                      + torch.pow(p, exponent=w)),
     {"x": ([3, 4], "normal"), "p": ([3, 4], "positive"), "w": ([4], "normal")})
case("clamp as function and method, tensor bounds broadcast", "clamp(x, -0.5, 0.5) + x.clamp(min=0) + x.clamp(max=w)"
     " + clamp(x, min=lo, max=hi)",
     lambda x, w, lo, hi: (torch.clamp(x, -0.5, 0.5) + x.clamp(min=0) + x.clamp(max=w)
                           + torch.clamp(x, min=lo, max=hi)),
     {"x": ([3, 4], "normal"), "w": ([3, 4], "normal"), "lo": ([4], "normal"), "hi": ([3, 1], "normal")})
case("clamp at exactly its bounds passes the gradient", "clamp(x, x.min(), x.max()) + x.clamp(min=x[0, 0])",
     lambda x: torch.clamp(x, x.min(), x.max()) + x.clamp(min=x[0, 0]), {"x": ([3, 4], "normal")})
case("t, mT and view", "u.mT.view(2, 12) * 2 + u.view(2, -1) + q.t().view(12).sum() + (v.t() @ q.mT @ q).sum()"
     " + s.t() + u.mT.mT.view((2, 3, 4))[:, 0, :2].sum()",
     lambda u, q, v, s: (u.mT.reshape(2, 12) * 2 + u.view(2, -1) + q.t().reshape(12).sum() + (v.t() @ q.mT @ q).sum()
                         + s.t() + u.mT.mT.view((2, 3, 4))[:, 0, :2].sum()),
     {"u": ([2, 3, 4], "normal"), "q": ([3, 4], "normal"), "v": ([4], "normal"), "s": ([], "normal")})
case("softmax and log_softmax as tensor methods", "z.softmax(1) + z.log_softmax(dim=0) + z.softmax(axis=-1) * 2",
     lambda z: z.softmax(1) + z.log_softmax(dim=0) + z.softmax(-1) * 2, {"z": ([3, 4], "normal")})
case("matmul as function and method", "matmul(a, b) + a.matmul(b) * 2 + matmul(v, b).sum() + matmul(u, b)[1]",
     lambda a, b, v, u: torch.matmul(a, b) + a.matmul(b) * 2 + torch.matmul(v, b).sum() + torch.matmul(u, b)[1],
     {"a": ([3, 4], "normal"), "b": ([4, 2], "normal"), "v": ([4], "normal"), "u": ([2, 3, 4], "normal")})
case("norm as PyTorch's tensor method: vector norms of the elements", "x.norm() + x.norm(1) * 2 + x.norm(inf)"
     " + x.norm(dim=1).sum() + x.norm(3, 0, True).sum() + u.norm(p='fro', dim=(1, 2)).sum() + u.norm(1, (0, 2)).sum()"
     " + x.norm(0.5, dim=(0, 1)) + x.norm(-1) + x.norm(2, ())",
     lambda x, u: (x.norm() + x.norm(1) * 2 + x.norm(float("inf")) + x.norm(dim=1).sum() + x.norm(3, 0, True).sum()
                   + u.norm(p="fro", dim=(1, 2)).sum() + u.norm(1, (0, 2)).sum() + x.norm(0.5, dim=(0, 1))
                   + x.norm(-1) + x.norm(2, ())),
     {"x": ([3, 4], "normal"), "u": ([2, 3, 4], "normal")})
case("detach: the value, no gradient through it", "x.detach() * x + (x * w).detach().sum() + w",
     lambda x, w: x.detach() * x + (x * w).detach().sum() + w, {"x": ([3, 4], "normal"), "w": ([4], "normal")})

case("log10 and rsqrt, also as methods", "log10(p) + p.log10() * 2 + rsqrt(p) + p.rsqrt().square()",
     lambda p: torch.log10(p) + p.log10() * 2 + torch.rsqrt(p) + p.rsqrt().square(), {"p": ([3, 4], "positive")})
case("moveaxis and movedim", "moveaxis(u, 0, -1) * 2 + movedim(u, (0, 1), (2, 0)) + u.movedim(1, 0).mT",
     lambda u: torch.movedim(u, 0, -1) * 2 + torch.movedim(u, (0, 1), (2, 0)) + u.movedim(1, 0).mT,
     {"u": ([2, 3, 4], "normal")})
case("diag of a vector and of a matrix, diagonal of any two axes",
     "diag(v) @ x + diag(v, k=-1)[1:, :3] @ x + diag(x).sum() + x.diag(1).sum() + diagonal(u, 1, 2, 0)[0].sum()"
     " + u.diagonal(dim1=1, dim2=2).sum() + diag(x, diagonal=-2).sum()",
     lambda v, x, u: (torch.diag(v) @ x + torch.diag(v, -1)[1:, :3] @ x + torch.diag(x).sum() + x.diag(1).sum()
                      + torch.diagonal(u, 1, 2, 0)[0].sum() + u.diagonal(dim1=1, dim2=2).sum()
                      + torch.diag(x, -2).sum()),
     {"v": ([3], "normal"), "x": ([3, 3], "normal"), "u": ([2, 3, 4], "normal")})
case("tensordot by a count and by paired axes", "tensordot(a, b) + tensordot(w, b, axes=([0, 2], [1, 0]))"
     " + tensordot(a, w, 0)[0, 0].sum() + tensordot(v, v, 1) + tensordot(a, b[0], dims=(1, 0)).sum()",
     lambda a, b, w, v: (torch.tensordot(a, b) + torch.tensordot(w, b, ([0, 2], [1, 0]))
                         + torch.tensordot(a, w, 0)[0, 0].sum() + torch.tensordot(v, v, 1)
                         + torch.tensordot(a, b[0], dims=([1], [0])).sum()),
     {"a": ([3, 4], "normal"), "b": ([3, 4], "normal"), "w": ([4, 2, 3], "normal"), "v": ([5], "normal")})


# ---- group and instance normalisation ----
case("group_norm with and without weight and bias, on (N, C) and (N, C, H, W); instance_norm both ways",
     "group_norm(x, 2, w, b) + group_norm(v, 3, eps=0.1).mean(axis=(2, 3))[:, :4] + instance_norm(u, weight=w, bias=b).sum(axis=2)"
     " + instance_norm(u, m, r, use_input_stats=False).mean(axis=2)",
     lambda x, w, b, v, u, m, r: (F.group_norm(x, 2, w, b) + F.group_norm(v, 3, eps=0.1).mean(dim=(2, 3))[:, :4]
                                  + F.instance_norm(u, weight=w, bias=b).sum(2)
                                  + F.instance_norm(u, m.double(), r.double(), use_input_stats=False).mean(2)),
     {"x": ([3, 4], "normal"), "w": ([4], "normal"), "b": ([4], "normal"), "v": ([3, 6, 2, 3], "normal"),
      "u": ([3, 4, 5], "normal"), "m": ([4], ("ints", -2, 3)), "r": ([4], ("ints", 1, 4))})

# ---- margin losses ----
case("the margin losses, each with its margin, p, weight or swap and a reduction",
     "margin_ranking_loss(a, b, s, 0.5) + hinge_embedding_loss(a, s, reduction='sum') + soft_margin_loss(a, s)"
     " + multi_margin_loss(z, y, 2, 0.5, w, reduction='sum') + triplet_margin_loss(z, q, r, swap=True)"
     " + triplet_margin_loss(z, q, r, 0.5, 1, reduction='sum') + cosine_embedding_loss(z, q, s[:4], -0.2)"
     " + multi_margin_loss(z[0], y[0])",
     lambda a, b, s, z, y, w, q, r: (lambda s, w: F.margin_ranking_loss(a, b, s, 0.5) + F.hinge_embedding_loss(a, s, reduction="sum")
                                     + F.soft_margin_loss(a, s) + F.multi_margin_loss(z, y, 2, 0.5, w, reduction="sum")
                                     + F.triplet_margin_loss(z, q, r, swap=True)
                                     + F.triplet_margin_loss(z, q, r, 0.5, 1, reduction="sum")
                                     + F.cosine_embedding_loss(z, q, s[:4], -0.2)
                                     + F.multi_margin_loss(z[0], y[0]))(s.double(), w.double()),
     {"a": ([6], "normal"), "b": ([6], "normal"), "s": ([6], ("ints", -1, 2)), "z": ([4, 3], "normal"),
      "y": ([4], ("labels", 3)), "w": ([3], ("ints", 1, 4)), "q": ([4, 3], "normal"), "r": ([4, 3], "normal")})

# ---- convolutions with dilation and groups ----
case("conv1d and conv2d with dilation and groups, keyword and positional; the transposed ones in torch's order",
     "conv1d(x, w, dilation=2, groups=2) + conv_transpose1d(conv1d(x, w, None, 1, 2, 2, 2), u, groups=2, dilation=2)[:, :, :5]"
     " + conv2d(q, k, b, 1, 1, (2, 1), 4).sum(axis=(2, 3))[:, :1, None]"
     " + conv_transpose2d(q, k, None, 2, 1, 1, 4, 2).mean()",
     lambda x, w, u, q, k, b: (F.conv1d(x, w, dilation=2, groups=2)
                               + F.conv_transpose1d(F.conv1d(x, w, None, 1, 2, 2, 2), u, groups=2, dilation=2)[:, :, :5]
                               + F.conv2d(q, k, b, 1, 1, (2, 1), 4).sum(dim=(2, 3))[:, :1, None]
                               + F.conv_transpose2d(q, k, None, 2, 1, 1, 4, 2).mean()),
     {"x": ([2, 4, 9], "normal"), "w": ([6, 2, 3], "normal"), "u": ([6, 3, 3], "normal"), "q": ([2, 4, 5, 5], "normal"),
      "k": ([4, 1, 2, 2], "normal"), "b": ([4], "normal")})

# ---- 1-D and adaptive pooling ----
case("max_pool1d and avg_pool1d, the adaptive pools in 1-D and 2-D, batched and not",
     "max_pool1d(x, 2) + avg_pool1d(x, 3, 2, 1) + adaptive_avg_pool1d(x, 4) + adaptive_max_pool1d(x[0], 4)"
     " + adaptive_avg_pool2d(q, (2, 4))[:, :, 1] + adaptive_max_pool2d(q[1], 4)[:, :2].sum(axis=1)",
     lambda x, q: (F.max_pool1d(x, 2) + F.avg_pool1d(x, 3, 2, 1) + F.adaptive_avg_pool1d(x, 4)
                   + F.adaptive_max_pool1d(x[0], 4) + F.adaptive_avg_pool2d(q, (2, 4))[:, :, 1]
                   + F.adaptive_max_pool2d(q[1], 4)[:, :2].sum(1)),
     {"x": ([2, 3, 8], "normal"), "q": ([2, 3, 5, 7], "normal")})

# ---- neural-network lookups: embedding ----
case("embedding of labels of any shape, an embedding bag, and padding_idx counted from the end",
     "embedding(y, W) + sum(embedding(z, W, padding_idx=-1), axis=1) + embedding(2, W, 0)",
     lambda W, y, z: F.embedding(y, W) + F.embedding(z, W, padding_idx=-1).sum(1) + F.embedding(torch.tensor(2), W, 0),
     {"W": (["V", 3], "normal"), "y": ([4], ("labels", 5)), "z": ([4, 6], ("labels", 5))}, {"V": 5})

def draw(rng, axes, kind, dims):
    shape = tuple(dims[a] if isinstance(a, str) else a for a in axes)
    if kind == "normal":
        return rng.normal(size=shape)
    if kind == "positive":
        return rng.uniform(0.5, 2.0, size=shape)
    if kind == "uniform":
        return rng.uniform(-1.0, 1.0, size=shape)
    if kind == "probability":
        return rng.uniform(0.05, 0.95, size=shape)
    if kind[0] == "labels":
        return rng.integers(0, kind[1], size=shape).astype(np.float64)
    return rng.integers(kind[1], kind[2], size=shape).astype(np.float64)


def is_integer_kind(kind):
    return isinstance(kind, tuple)


def tensor_json(a):
    a = np.asarray(a, dtype=np.float64)
    assert np.all(np.isfinite(a)), "fixtures hold finite values only"
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def run(c):
    rng = np.random.default_rng(zlib.crc32(c["name"].encode()))
    values = {n: draw(rng, axes, kind, c["dims"]) for n, (axes, kind) in c["inputs"].items()}
    floats = [n for n, (axes, kind) in c["inputs"].items() if not is_integer_kind(kind)]
    if c["index_of"] is not None:
        out, grads, upstream = index_reference(c, values, rng)
    else:
        out, grads, upstream = torch_reference(c, values, floats, rng)
    entry = {
        "name": c["name"], "expr": c["expr"], "dims": c["dims"],
        "inputs": [dict(name=n, axes=list(axes), labels=is_integer_kind(kind), **tensor_json(values[n]))
                   for n, (axes, kind) in c["inputs"].items()],
        "output": tensor_json(out),
    }
    if upstream is not None:
        entry["upstream"] = tensor_json(upstream)
        entry["grads"] = {n: tensor_json(g) for n, g in grads.items()}
    return entry


def torch_reference(c, values, floats, rng):
    args = []
    for n, (axes, kind) in c["inputs"].items():
        if is_integer_kind(kind):
            args.append(torch.tensor(values[n].astype(np.int64)))
        else:
            args.append(torch.tensor(values[n], requires_grad=True))
    out = c["reference"](*args)
    if not out.requires_grad:
        return out.detach().numpy(), {}, None
    upstream = rng.normal(size=tuple(out.shape))
    out.backward(torch.tensor(upstream))
    grads = {}
    for n, a in zip(c["inputs"], args):
        if n in floats:
            grads[n] = a.grad.numpy() if a.grad is not None else np.zeros_like(values[n])
    return out.detach().numpy(), grads, upstream


def index_reference(c, values, rng):
    names = list(c["inputs"])
    x = values[names[0]]
    integer_args = [values[n].astype(np.int64) for n in names[1:]]
    index = c["index_of"](x, *integer_args)
    out = x[index]
    upstream = rng.normal(size=out.shape)
    source = np.arange(x.size).reshape(x.shape)[index]
    grad = np.bincount(np.ravel(source), weights=np.ravel(upstream), minlength=x.size).reshape(x.shape)
    return out, {names[0]: grad}, upstream


def slice_lengths():
    """Python's slice rule: [size, start, stop, step, len(range(size)[start:stop:step])], None kept."""
    bounds = [None, -7, -5, -2, -1, 0, 1, 2, 4, 6]
    out = []
    for size in [0, 1, 3, 5]:
        for start in bounds:
            for stop in bounds:
                for step in [None, -3, -1, 1, 2]:
                    out.append([size, start, stop, step, len(range(size)[start:stop:step])])
    return out


def main():
    entries = [run(c) for c in CASES]
    names = [e["name"] for e in entries]
    assert len(set(names)) == len(names), "case names are unique"
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"generator": "src/test/python/golden_expressions.py", "cases": entries,
                   "slices": slice_lengths()}, f, indent=1)
        f.write("\n")
    print("wrote %d cases to %s" % (len(entries), OUT))


if __name__ == "__main__":
    main()
