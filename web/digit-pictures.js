// Small pictures of 28×28 digits and the tables the learning panels show: a digit's thumbnail,
// a confusion matrix.

/** A 28×28 canvas of `pixels` (784 values: bytes 0-255, or floats 0-1), ink light on dark as the model sees it; `invert` for MNIST-style bytes shown as they are. */
export function digitCanvas(pixels, label) {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 28;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(28, 28);
  const scale = pixels instanceof Uint8Array || pixels instanceof Uint8ClampedArray ? 1 : 255;
  for (let i = 0; i < 784; i++) {
    const v = Math.round(Math.min(255, Math.max(0, pixels[i] * scale)));
    img.data[i * 4] = img.data[i * 4 + 1] = img.data[i * 4 + 2] = v;
    img.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return canvas;
}

/** Fills `table` with a 10×10 confusion matrix (counts[true][read], or a flat array of 100), rows the digit written. */
export function fillConfusion(table, counts, caption) {
  const at = (t, r) => (Array.isArray(counts[0]) ? counts[t][r] : counts[t * 10 + r]);
  table.replaceChildren();
  const cap = table.createCaption();
  cap.textContent = caption;
  const head = table.createTHead().insertRow();
  head.appendChild(document.createElement('th')).textContent = 'written \\ read';
  for (let d = 0; d < 10; d++) head.appendChild(document.createElement('th')).textContent = String(d);
  const body = table.createTBody();
  for (let t = 0; t < 10; t++) {
    const row = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = String(t);
    row.appendChild(th);
    for (let r = 0; r < 10; r++) {
      const cell = row.insertCell();
      const n = at(t, r);
      cell.textContent = n ? String(n) : '';
      if (n) cell.className = t === r ? 'on' : 'off';
    }
  }
}
