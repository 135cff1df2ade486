#!/usr/bin/env python3
"""Writes a stand-in for SFace, for memory measurements only (scripts/bench-sface-standin): an ONNX model with SFace's
input (data, float [N,3,112,112]) and output (fc1, float [N,128]) and as many weights: 9.6 M floats, 38.5 MB (SFace's
file: 38.7 MB). Four stride-2 convolutions (3->64->128->256->512 channels, to 7x7) and two fully connected layers
(25088->320->128); every weight 0.01, so its embeddings mean nothing. The production model cannot be downloaded here
and the onnx package is not installed, so the protobuf is written directly (field numbers from onnx/onnx.proto).
Usage: scripts/sface-standin.py OUT.onnx"""
import sys, struct
from array import array

def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F; n >>= 7
        if n: out.append(b | 0x80)
        else: out.append(b); return bytes(out)

def key(field, wt): return varint((field << 3) | wt)
def vint(field, n): return key(field, 0) + varint(n)
def ld(field, payload):
    if isinstance(payload, str): payload = payload.encode()
    return key(field, 2) + varint(len(payload)) + payload

def attr_ints(name, vals): return ld(5, ld(1, name) + vint(20, 7) + b''.join(vint(8, v) for v in vals))
def attr_int(name, v): return ld(5, ld(1, name) + vint(20, 2) + vint(3, v))
def node(op, ins, outs, name, attrs=b''):
    return ld(1, b''.join(ld(1, i) for i in ins) + b''.join(ld(2, o) for o in outs) + ld(3, name) + ld(4, op) + attrs)
def tensor(name, dims, value=0.01):
    n = 1
    for d in dims: n *= d
    raw = (array('f', [value]) * n).tobytes()
    return ld(5, b''.join(vint(1, d) for d in dims) + vint(2, 1) + ld(8, name) + ld(9, raw))
def value_info(field, name, dims):
    shape = b''.join(ld(1, ld(2, d) if isinstance(d, str) else vint(1, d)) for d in dims)
    return ld(field, ld(1, name) + ld(2, ld(1, vint(1, 1) + ld(2, shape))))

nodes, inits = [], []
chans = [3, 64, 128, 256, 512]
x = 'data'
for i in range(4):
    w = f'conv{i}_w'; b = f'conv{i}_b'
    inits += [tensor(w, [chans[i + 1], chans[i], 3, 3]), tensor(b, [chans[i + 1]])]
    nodes.append(node('Conv', [x, w, b], [f'conv{i}'], f'conv{i}',
                      attr_ints('kernel_shape', [3, 3]) + attr_ints('strides', [2, 2]) + attr_ints('pads', [1, 1, 1, 1])))
    nodes.append(node('Relu', [f'conv{i}'], [f'relu{i}'], f'relu{i}'))
    x = f'relu{i}'
nodes.append(node('Flatten', [x], ['flat'], 'flat', attr_int('axis', 1)))
inits += [tensor('fc0_w', [320, 512 * 7 * 7]), tensor('fc0_b', [320]), tensor('fc1_w', [128, 320]), tensor('fc1_b', [128])]
nodes.append(node('Gemm', ['flat', 'fc0_w', 'fc0_b'], ['fc0'], 'fc0', attr_int('transB', 1)))
nodes.append(node('Gemm', ['fc0', 'fc1_w', 'fc1_b'], ['fc1'], 'fc1', attr_int('transB', 1)))
graph = b''.join(nodes) + ld(2, 'sface_standin') + b''.join(inits) + value_info(11, 'data', ['N', 3, 112, 112]) + value_info(12, 'fc1', ['N', 128])
model = vint(1, 8) + ld(2, 'facet-sface-standin') + ld(7, graph) + ld(8, ld(1, '') + vint(2, 13))
open(sys.argv[1], 'wb').write(model)
print(len(model), 'bytes')
