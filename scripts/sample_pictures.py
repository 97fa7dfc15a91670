#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# A small picture folder with one planted problem of each kind, for the Data lab's Clean pictures tab and its
# README screenshot: 14 coats, 14 sneakers and 4 bags from Fashion-MNIST's test set (Debian's
# dataset-fashion-mnist) as PNG, a copy, a brighter copy (a near duplicate), a 32x32 picture, a colour one, a PNG
# cut in half and a text file named .png. Standard library only. Usage: scripts/sample_pictures.py [FOLDER]
import gzip, struct, zlib, os, shutil
img = gzip.open('/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz').read()[16:]
lab = gzip.open('/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz').read()[8:]
def png(path, w, h, rows, colour=False):
    raw = b''.join(b'\x00' + r for r in rows)
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2 if colour else 0, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
    open(path, 'wb').write(data)
import sys
root = sys.argv[1] if len(sys.argv) > 1 else 'sample-pictures'
shutil.rmtree(root, ignore_errors=True)
names = {4: 'coat', 7: 'sneaker', 8: 'bag'}
counts = {}
for i in range(2000):
    l = lab[i]
    if l not in names: continue
    n = counts.get(l, 0)
    limit = 14 if l != 8 else 4
    if n >= limit: continue
    counts[l] = n + 1
    d = os.path.join(root, names[l]); os.makedirs(d, exist_ok=True)
    px = img[i*784:(i+1)*784]
    png(os.path.join(d, '%03d.png' % n), 28, 28, [px[y*28:(y+1)*28] for y in range(28)])
# plants
shutil.copy(root + '/coat/003.png', root + '/coat/003-copy.png')
# near duplicate: sneaker 002 brightened slightly
src = None
for i in range(2000):
    if lab[i] == 7: src = i; break
px = bytearray(img[src*784:(src+1)*784])
px = bytearray(min(255, v + 12) for v in px)
png(root + '/sneaker/near-000.png', 28, 28, [bytes(px[y*28:(y+1)*28]) for y in range(28)])
# wrong size 32x32 (padded)
big = [bytes(32)] * 2 + [bytes(2) + img[784*5 + y*28: 784*5 + (y+1)*28] + bytes(2) for y in range(28)] + [bytes(32)] * 2
png(root + '/coat/big.png', 32, 32, big)
# colour
cl = [bytes(v for p in img[784*9 + y*28: 784*9 + (y+1)*28] for v in (p, p//2, 0)) for y in range(28)]
png(root + '/coat/orange.png', 28, 28, cl, colour=True)
# truncated and unreadable
b = open(root + '/sneaker/005.png', 'rb').read(); open(root + '/sneaker/cut.png', 'wb').write(b[:len(b)//2])
open(root + '/sneaker/readme.png', 'w').write('not a picture')
print(root, counts)
