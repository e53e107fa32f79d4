// Whether the recognizer has loaded, as the header says it ("Ready · works offline") and as
// <html data-engine> shows it to scripts and tests.

export class EngineStatus {
  #ready = false;
  #failure = null; // the ScrawlError, if the recognizer could not load
  #indicator;
  #label;
  #worksOffline;

  /**
   * engine: the ScrawlWorker; indicator and label: the header's state and its text;
   * worksOffline(): whether a service worker serves the page.
   */
  constructor(engine, { root, indicator, label, worksOffline }) {
    this.#indicator = indicator;
    this.#label = label;
    this.#worksOffline = worksOffline;
    /** Resolves once the engine is ready; rejects with the ScrawlError if it cannot load. */
    this.loaded = engine.ready.then(
      () => {
        this.#ready = true;
        root.dataset.engine = 'ready';
        performance.mark('scrawl-ready');
        this.refresh();
      },
      (e) => {
        this.#failure = e;
        root.dataset.engine = 'failed';
        indicator.dataset.state = 'failed';
        label.textContent = 'Recognizer failed to load';
        throw e;
      },
    );
    /** Resolves once the engine is ready or has failed. */
    this.settled = this.loaded.catch(() => {});
    // The worker replaces an engine that died or hung; the header says so until the next change.
    engine.addEventListener?.('restart', () => {
      if (this.#ready) label.textContent = 'Ready · restarted after an error';
    });
    engine.addEventListener?.('failed', (e) => {
      if (!this.#ready) return; // a failure to load is told by `loaded`
      this.#ready = false;
      this.#failure = e.detail;
      root.dataset.engine = 'failed';
      indicator.dataset.state = 'failed';
      label.textContent = 'Recognizer stopped · reload the page';
    });
  }

  get ready() {
    return this.#ready;
  }

  get failure() {
    return this.#failure;
  }

  /** Says again whether the page works offline (a service worker may have taken over since). */
  refresh() {
    if (!this.#ready) return;
    this.#indicator.dataset.state = 'ready';
    this.#label.textContent = this.#worksOffline() ? 'Ready · works offline' : 'Ready';
  }
}
