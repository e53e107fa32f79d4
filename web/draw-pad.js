// A drawing pad for mouse, touch and pen (pointer events), square or wider than tall, for a
// digit or a number. Strokes are kept in coordinates from 0 to 1 (of the width and of the
// height) so the pad can be redrawn at any size or in other colours.
// Events: 'stroke' (while drawing, at most once per frame), 'strokeend', 'change' (undo, clear).

// Device pixels in all (800×400 on a wide pad, about 565×565 on a square one): plenty for the
// recognizer, and cheap enough to read back and send on every frame while drawing.
const MAX_BACKING_PIXELS = 800 * 400;

export class DrawPad extends EventTarget {
  constructor(canvas, { lineWidth = 0.065 } = {}) {
    super();
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d', { willReadFrequently: true });
    this.lineWidth = lineWidth;
    this.strokes = [];
    this._active = null; // { id, points }
    this._frame = 0;
    this._colors();

    canvas.addEventListener('pointerdown', (e) => this._down(e));
    canvas.addEventListener('pointermove', (e) => this._move(e));
    canvas.addEventListener('pointerup', (e) => this._up(e));
    canvas.addEventListener('pointercancel', (e) => this._up(e));
    canvas.addEventListener('lostpointercapture', (e) => this._up(e));
    // No context menu, text selection or double-tap zoom on the pad.
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('touchstart', (e) => e.preventDefault(), { passive: false });

    new ResizeObserver(() => this._resize()).observe(canvas);
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
      this._colors();
      this.redraw();
    });
    this._resize();
  }

  get isEmpty() {
    return this.strokes.length === 0;
  }

  get isDrawing() {
    return this._active !== null;
  }

  undo() {
    if (this._active) return;
    this.strokes.pop();
    this.redraw();
    this.dispatchEvent(new Event('change'));
  }

  clear() {
    this._active = null;
    this.strokes = [];
    this.redraw();
    this.dispatchEvent(new Event('change'));
  }

  /** The pad's pixels (paper and ink), ready for readPixels. */
  imageData() {
    return this.ctx.getImageData(0, 0, this.canvas.width, this.canvas.height);
  }

  redraw() {
    const { ctx, canvas } = this;
    ctx.fillStyle = this.paper;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    for (const points of this.strokes) this._path(points, 0);
  }

  _colors() {
    const style = getComputedStyle(this.canvas);
    this.paper = style.getPropertyValue('--paper').trim() || '#fff';
    this.ink = style.getPropertyValue('--ink').trim() || '#111';
  }

  _resize() {
    const rect = this.canvas.getBoundingClientRect();
    if (!rect.width || !rect.height) return;
    const { width, height } = backingSize(rect.width, rect.height, window.devicePixelRatio || 1);
    if (width === this.canvas.width && height === this.canvas.height) return;
    this.canvas.width = width;
    this.canvas.height = height;
    this.redraw();
  }

  _point(e) {
    const rect = this.canvas.getBoundingClientRect();
    return [(e.clientX - rect.left) / rect.width, (e.clientY - rect.top) / rect.height];
  }

  _down(e) {
    if (this._active || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    try {
      this.canvas.setPointerCapture(e.pointerId);
    } catch {
      // a synthetic pointer cannot always be captured; drawing works without it
    }
    const points = [this._point(e)];
    this._active = { id: e.pointerId, points };
    this.strokes.push(points);
    this._path(points, 0);
    this._notify();
  }

  _move(e) {
    if (!this._active || e.pointerId !== this._active.id) return;
    e.preventDefault();
    const points = this._active.points;
    const from = points.length - 1; // the part already drawn ends with the segment to this point
    const events = e.getCoalescedEvents?.() ?? [];
    for (const ev of events.length ? events : [e]) points.push(this._point(ev));
    this._path(points, from);
    this._notify();
  }

  _up(e) {
    if (!this._active || e.pointerId !== this._active.id) return;
    this._active = null;
    cancelAnimationFrame(this._frame);
    this._frame = 0;
    this.dispatchEvent(new Event('strokeend'));
  }

  _notify() {
    if (this._frame) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = 0;
      this.dispatchEvent(new Event('stroke'));
    });
  }

  // Draws the stroke from its point `from` on (0: all of it) as a smooth curve: quadratic
  // pieces between the midpoints of the segments, each bent towards the point between them.
  _path(points, from) {
    const { ctx, canvas } = this;
    const w = canvas.width;
    const h = canvas.height;
    // Digits are sized by the pad's shorter side, so is the stroke: a wide pad draws as thick a 1 as a square one.
    const thickness = this.lineWidth * Math.min(w, h);
    ctx.strokeStyle = ctx.fillStyle = this.ink;
    ctx.lineWidth = thickness;
    ctx.lineCap = ctx.lineJoin = 'round';
    if (points.length === 1) {
      ctx.beginPath();
      ctx.arc(points[0][0] * w, points[0][1] * h, thickness / 2, 0, Math.PI * 2);
      ctx.fill();
      return;
    }
    const mid = (a, b) => [((a[0] + b[0]) / 2) * w, ((a[1] + b[1]) / 2) * h];
    ctx.beginPath();
    const start = from <= 1 ? [points[0][0] * w, points[0][1] * h] : mid(points[from - 1], points[from]);
    ctx.moveTo(start[0], start[1]);
    for (let i = Math.max(1, from); i < points.length - 1; i++) {
      const [mx, my] = mid(points[i], points[i + 1]);
      ctx.quadraticCurveTo(points[i][0] * w, points[i][1] * h, mx, my);
    }
    const last = points[points.length - 1];
    ctx.lineTo(last[0] * w, last[1] * h);
    ctx.stroke();
  }
}

/** The backing store for a pad shown at cssWidth × cssHeight: sharp on the screen, within MAX_BACKING_PIXELS. */
function backingSize(cssWidth, cssHeight, dpr) {
  const scale = Math.min(dpr, Math.sqrt(MAX_BACKING_PIXELS / (cssWidth * cssHeight)));
  return { width: Math.max(1, Math.round(cssWidth * scale)), height: Math.max(1, Math.round(cssHeight * scale)) };
}
