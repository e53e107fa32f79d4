#!/usr/bin/env python3
"""Numbers written into a form's printed boxes, over a comb, and on plain paper, read by scrawl.

Each number is 4 to 10 MNIST test digits, one to a cell, drawn three times: in a row of boxes,
over a comb (a rule with teeth between the cells), and with no printing. The printing's darkness
and thickness, the cell's size, the digits' place in their cells, a tight or a loose crop, a
slope of up to 2.5 degrees, blur and PNG or JPEG vary from number to number. It measures the
reader on the field's printing; the digits are MNIST's, so it is no measure of real writers.

  python3 scripts/boxed-fields.py --mnist ../shared/data/mnist [--seed 7] [--count 120]
      [--scrawl build/native/scrawl] [--keep DIR]

Needs ImageMagick's convert (Debian: imagemagick) for the blur, slope and JPEG.
"""
import argparse, csv, gzip, io, os, random, shutil, subprocess, sys, tempfile


def mnist(folder):
    images = gzip.open(os.path.join(folder, 't10k-images-idx3-ubyte.gz')).read()[16:]
    labels = gzip.open(os.path.join(folder, 't10k-labels-idx1-ubyte.gz')).read()[8:]
    return images, labels


def draw(images, ids, style, rng, look):
    S, cw, ch, mx, my, paper, line, th, comb_h, jitter = look
    k = len(ids)
    W, H = mx * 2 + cw * k + 3, my * 2 + ch + 3
    px = [[paper] * W for _ in range(H)]

    def put(x, y, v):
        if 0 <= y < H and 0 <= x < W:
            px[y][x] = min(px[y][x], v)

    if style == 'box':
        for i in range(k + 1):
            for y in range(my, my + ch + th):
                for t in range(th):
                    put(mx + i * cw + t, y, line)
        for x in range(mx, mx + cw * k + th):
            for t in range(th):
                put(x, my + t, line)
                put(x, my + ch + t, line)
    if style == 'comb':
        for x in range(mx, mx + cw * k + th):
            for t in range(th):
                put(x, my + ch + t, line)
        for i in range(k + 1):
            for y in range(my + ch - int(ch * comb_h), my + ch):
                for t in range(th):
                    put(mx + i * cw + t, y, line)
    for i, idx in enumerate(ids):
        ox = mx + i * cw + (cw - 28 * S) // 2 + jitter[i][0]
        oy = my + (ch - 28 * S) // 2 + jitter[i][1]
        for y in range(28 * S):
            for x in range(28 * S):
                v = images[idx * 784 + (y // S) * 28 + x // S]
                if v:
                    put(ox + x, oy + y, paper - v * (paper - 20) // 255)
    return W, H, bytes(v for row in px for v in row)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--mnist', default=os.environ.get('SCRAWL_MNIST'), help='folder with the MNIST IDX files')
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--count', type=int, default=120)
    ap.add_argument('--scrawl', default='build/native/scrawl')
    ap.add_argument('--keep', help='write the images and the truth here instead of a temporary folder')
    a = ap.parse_args()
    if not a.mnist:
        sys.exit('boxed-fields: give the MNIST folder with --mnist DIR (or set SCRAWL_MNIST)')
    if not shutil.which('convert'):
        sys.exit('boxed-fields: ImageMagick\'s convert is needed (apt-get install imagemagick)')
    images, labels = mnist(a.mnist)
    rng = random.Random(a.seed)
    out = a.keep or tempfile.mkdtemp(prefix='scrawl-boxed-')
    os.makedirs(out, exist_ok=True)
    truth, files = {}, []
    for n in range(a.count):
        k = rng.randint(4, 10)
        ids = [rng.randrange(10000) for _ in range(k)]
        S = rng.choice([2, 3])
        cw, ch = 28 * S + rng.randint(0, 3 * S), 28 * S + rng.randint(0, 6 * S)
        tight = rng.random() < 0.4
        mx, my = (rng.randint(0, 2), rng.randint(0, 2)) if tight else (rng.randint(6, 30), rng.randint(6, 20))
        look = (S, cw, ch, mx, my, rng.randint(215, 250), rng.randint(0, 140), rng.randint(1, 3),
                rng.uniform(0.2, 0.5), [(rng.randint(-S * 2, S * 2), rng.randint(-S * 2, S * 2)) for _ in ids])
        for style in ('plain', 'box', 'comb'):
            W, H, pixels = draw(images, ids, style, rng, look)
            stem = os.path.join(out, f'{n:03d}-{style}')
            with open(stem + '.pgm', 'wb') as f:
                f.write(b'P5 %d %d 255\n' % (W, H) + pixels)
            slope = rng.uniform(-2.5, 2.5) if rng.random() < 0.5 else 0
            args = ['convert', stem + '.pgm', '-blur', '0x%.1f' % rng.uniform(0.5, 1.2)]
            if slope:
                args += ['-background', 'rgb(%d,%d,%d)' % ((look[5],) * 3), '-rotate', '%.2f' % slope]
            ext = '.jpg' if rng.random() < 0.5 else '.png'
            if ext == '.jpg':
                args += ['-quality', str(rng.randint(60, 92))]
            subprocess.run(args + [stem + ext], check=True)
            os.remove(stem + '.pgm')
            files.append(stem + ext)
        truth[f'{n:03d}'] = ''.join(str(labels[i]) for i in ids)
    read = subprocess.run([a.scrawl, 'recognize', '--csv'] + files, capture_output=True, text=True)
    tally = {}
    for row in list(csv.reader(io.StringIO(read.stdout)))[1:]:
        n, style = os.path.basename(row[0]).rsplit('.', 1)[0].split('-')
        right = row[1].replace(' ', '') == truth[n]
        tally.setdefault(style, []).append(right)
    print(f'{a.count} numbers of 4 to 10 MNIST test digits, seed {a.seed}, read by {a.scrawl}')
    for style in ('plain', 'box', 'comb'):
        r = tally.get(style, [])
        print(f'  {style:6} {sum(r):4} of {len(r)} exactly right ({100.0 * sum(r) / max(1, len(r)):.1f}%)')
    if a.keep:
        with open(os.path.join(out, 'truth.txt'), 'w') as f:
            f.writelines(f'{n} {t}\n' for n, t in truth.items())
    else:
        shutil.rmtree(out)


if __name__ == '__main__':
    main()
