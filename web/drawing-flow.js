// Reading the drawing while it is drawn. One read is with the engine at a time; whatever the
// pad gains meanwhile is read next, in one go, so the guess keeps up without a queue of stale
// reads. The pad takes the result panel when drawing starts; once an upload takes it, or the
// pad is cleared, the answers of reads still out are dropped.
import { holds } from './panel-owner.js';

export class DrawingFlow {
  #pad;
  #read;
  #engine;
  #panel;
  #show;
  #claim = null; // the pad's hold on the result panel: an AbortSignal from panel.claim()
  #reading = false; // a read is with the engine
  #dirty = false; // the pad changed since the last read began
  #final = false; // ...and a stroke ended or was undone: the next answer is announced

  /**
   * pad: the DrawPad; read(): reads the pad → { r, size }; engine: { ready, failure };
   * panel: the PanelOwner; show: the drawing's results on the page (busy, empty, loading,
   * failed, answer, noDigit, error).
   */
  constructor({ pad, read, engine, panel, show }) {
    this.#pad = pad;
    this.#read = read;
    this.#engine = engine;
    this.#panel = panel;
    this.#show = show;
    pad.addEventListener('stroke', () => this.schedule(false));
    pad.addEventListener('strokeend', () => this.schedule(true));
    pad.addEventListener('change', () => (pad.isEmpty ? this.#emptied() : this.schedule(true)));
  }

  /** Whether the answer shown may still change: a stroke is going on or being read. */
  get busy() {
    return this.#pad.isDrawing || this.#reading || this.#dirty;
  }

  /** Asks for the drawing to be read; `final` (stroke end, undo) also announces the answer. */
  schedule(final) {
    if (this.#pad.isEmpty && !final) return;
    if (!holds(this.#claim)) this.#claim = this.#panel.claim();
    this.#dirty = true;
    this.#final ||= final;
    this.#pump();
    this.#markBusy();
  }

  /**
   * The engine has loaded: reads what was drawn while it loaded, unless an image has taken the
   * result panel since; that image's answer is what the panel is waiting for.
   */
  engineReady() {
    if (!this.#dirty) return;
    if (holds(this.#claim)) this.#pump();
    else this.#dirty = this.#final = false;
    this.#markBusy();
  }

  /** The pad was cleared, or its last stroke undone: nothing that is still being read counts. */
  #emptied() {
    this.#claim = this.#panel.claim();
    this.#dirty = this.#final = false;
    this.#markBusy();
    this.#show.empty({ announce: true });
  }

  async #pump() {
    if (this.#reading || !this.#dirty) return;
    const claim = this.#claim;
    if (this.#pad.isEmpty) {
      this.#dirty = this.#final = false;
      this.#markBusy();
      if (holds(claim)) this.#show.empty();
      return;
    }
    if (this.#engine.failure) {
      this.#dirty = this.#final = false;
      this.#show.failed(this.#engine.failure);
      this.#markBusy();
      return;
    }
    if (!this.#engine.ready) {
      this.#show.loading();
      this.#markBusy();
      return; // read by engineReady()
    }
    const final = this.#final;
    this.#dirty = this.#final = false;
    this.#reading = true;
    try {
      const { r, size } = await this.#read();
      if (holds(claim)) this.#show.answer(r, size, final);
    } catch (e) {
      if (holds(claim)) {
        if (e.code === 'no_digit') this.#show.noDigit(e, final);
        else this.#show.error(e);
      }
    } finally {
      this.#reading = false;
      if (this.#dirty) this.#pump();
      this.#markBusy();
    }
  }

  #markBusy() {
    this.#show.busy(this.busy);
  }
}
