// Scrawl's engine as a runtime of the anchors benchmark harness (../shared/tools/anchors).
// scripts/bench-anchors.sh copies this file into the harness's runtimes/ as scrawl.mjs and
// links the bench build (wasm/bench) as engines/scrawl/. It turns the harness's layer list
// and canonical weights into a Scrawl weights file and runs it with the engine's own
// InferenceSession (wasm SIMD, convolutions in integers: engine/nn/gemm_kernels.h; one thread).
export const label = 'Scrawl engine (C++, wasm SIMD integer convolutions, 1 thread)';

const DIR = 'engines/scrawl/';
let M = null;
let outSize = 0, inSize = 0, buf = { n: 0, inPtr: 0, outPtr: 0 };

function crc32(bytes) {
  let c, crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    c = (crc ^ bytes[i]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

// The harness's layer list -> a Scrawl architecture spec and its tensors, in Scrawl's layout.
function toScrawl(model, weights) {
  const spec = [], tensors = [];
  let shape = { c: model.input[0], h: model.input[1], w: model.input[2] };
  model.layers.forEach((layer, i) => {
    const w = weights.layers[i];
    switch (layer.type) {
      case 'conv2d': {
        const k = Array.isArray(layer.kernel) ? layer.kernel : [layer.kernel ?? 3, layer.kernel ?? 3];
        if (layer.padding !== 'same' || (layer.stride ?? 1) !== 1 || k[0] !== k[1])
          throw new Error('Scrawl runs square "same" convolutions with stride 1 only');
        spec.push(`conv ${layer.filters} ${k[0]}`);
        tensors.push({ dims: [layer.filters, shape.c, k[0], k[1]], data: w.kernel }, { dims: [layer.filters], data: w.bias });
        shape = { ...shape, c: layer.filters };
        if (layer.activation === 'relu') spec.push('relu');
        break;
      }
      case 'maxpool2d':
        if ((layer.stride ?? layer.pool ?? 2) !== (layer.pool ?? 2)) throw new Error('Scrawl pools with stride = size');
        spec.push(`maxpool ${layer.pool ?? 2}`);
        shape = { c: shape.c, h: Math.floor(shape.h / (layer.pool ?? 2)), w: Math.floor(shape.w / (layer.pool ?? 2)) };
        break;
      case 'globalavgpool': spec.push('gap'); shape = { c: shape.c, h: 1, w: 1 }; break;
      case 'flatten': break;  // Scrawl's dense layer reads its input flattened (NCHW order)
      case 'dense': {
        const [nin, nout] = w.kernelShape;
        const t = new Float32Array(nin * nout);  // [in, out] -> Scrawl's [out, in]
        for (let r = 0; r < nin; r++) for (let c = 0; c < nout; c++) t[c * nin + r] = w.kernel[r * nout + c];
        spec.push(`dense ${nout}`);
        tensors.push({ dims: [nout, nin], data: t }, { dims: [nout], data: w.bias });
        shape = { c: nout, h: 1, w: 1 };
        if (layer.activation === 'relu') spec.push('relu');
        if (layer.activation === 'softmax') spec.push('softmax');
        break;
      }
      case 'relu': spec.push('relu'); break;
      case 'softmax': spec.push('softmax'); break;
      default: throw new Error(`Scrawl has no ${layer.type} layer`);
    }
  });
  return { spec: spec.join('; '), tensors, outSize: shape.c * shape.h * shape.w };
}

// A version-2 Scrawl weights file with float32 tensors (engine/nn/weights_file.h).
function weightsFile(model, spec, tensors) {
  const enc = new TextEncoder(), specBytes = enc.encode(spec);
  let size = 8 + 4 * 4 + 4 + specBytes.length + 4 + 4;
  for (const t of tensors) size += 4 + 4 * t.dims.length + 4 + 4 * t.data.length;
  const bytes = new Uint8Array(size + 4), view = new DataView(bytes.buffer);
  bytes.set(enc.encode('SCRAWLNN'));
  let at = 8;
  const put = (v) => { view.setUint32(at, v >>> 0, true); at += 4; };
  put(2); put(model.input[0]); put(model.input[1]); put(model.input[2]);
  put(specBytes.length); bytes.set(specBytes, at); at += specBytes.length;
  put(0);  // no metadata
  put(tensors.length);
  for (const t of tensors) {
    put(t.dims.length); t.dims.forEach(put); put(0);
    for (let i = 0; i < t.data.length; i++, at += 4) view.setFloat32(at, t.data[i], true);
  }
  view.setUint32(at, crc32(bytes.subarray(0, at)), true);
  return bytes;
}

export async function init(model, weights, ctx) {
  if (!M) {
    const factory = (await import(ctx.url(DIR + 'scrawl-bench.mjs'))).default;
    M = await factory(ctx.env === 'node' ? { wasmBinary: await ctx.fetchBytes(DIR + 'scrawl-bench.wasm') }
      : { locateFile: (f) => ctx.locate(DIR + f) });
  }
  ctx.mark?.('library-imported');
  if (!weights) throw new Error('this runtime needs the canonical weights');
  const s = toScrawl(model, weights);
  const file = weightsFile(model, s.spec, s.tensors);
  const p = M._malloc(file.length);
  M.HEAPU8.set(file, p);
  const rc = M._bench_load(p, file.length);
  M._free(p);
  if (rc) throw new Error('the engine refused the converted model');
  inSize = model.input[0] * model.input[1] * model.input[2];
  outSize = s.outSize;
}

export function run(input, batch) {
  if (buf.n < batch) {
    if (buf.inPtr) M._free(buf.inPtr), M._free(buf.outPtr);
    buf = { n: batch, inPtr: M._malloc(batch * inSize * 4), outPtr: M._malloc(batch * outSize * 4) };
  }
  M.HEAPF32.set(input.subarray(0, batch * inSize), buf.inPtr >> 2);
  M._bench_run(buf.inPtr, batch, buf.outPtr);
  return M.HEAPF32.slice(buf.outPtr >> 2, (buf.outPtr >> 2) + batch * outSize);
}

export function info() {
  return { engine: 'Scrawl engine/nn (InferenceSession)', wasm: DIR + 'scrawl-bench.wasm', threads: 1 };
}
