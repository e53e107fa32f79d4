// The result panel shows one source at a time: the pad or one uploaded image, whichever took it
// last. Taking it aborts the previous holder's signal, so an answer that comes back after
// someone else took the panel is dropped instead of overwriting theirs.

export class PanelOwner {
  #holder = null;

  /** Takes the panel; the signal is aborted when anyone (the same source too) takes it next. */
  claim() {
    this.#holder?.abort();
    this.#holder = new AbortController();
    return this.#holder.signal;
  }
}

/** Whether `signal` (from claim(), or null for never claimed) still holds the panel. */
export function holds(signal) {
  return signal !== null && !signal.aborted;
}
