// What the page makes of the engine's answers: a single digit ({ digit, confidence, unsure,
// box, probs, input }) or a reading of several ({ text, digits, lines }).

/**
 * Either answer as one row of the batch table (and the pad's badge): { value, confidence,
 * unsure }, and with a format ('amount', 'zip', 'digits') the field's normalised value, with
 * `written` (the text as read) and `problem` (why it needs checking, in words).
 */
export function summarize(r) {
  if (r.field) {
    const written = r.digits ? r.text : String(r.digit);
    return { value: r.field.value, written, confidence: r.field.confidence, unsure: r.field.unsure, problem: r.field.problem ?? '' };
  }
  if (r.digits) {
    return {
      value: r.text,
      confidence: r.digits.reduce((m, d) => Math.min(m, d.confidence), 1),
      unsure: r.digits.some((d) => d.unsure),
    };
  }
  return { value: String(r.digit), confidence: r.confidence, unsure: r.unsure };
}

/** What a format's field says about itself, as a sentence: "As an amount: 3975.00." */
export function fieldNote(field) {
  if (!field) return '';
  const kind = { amount: 'an amount', zip: 'a zip code', digits: 'digits only' }[field.format] ?? field.format;
  const value = field.value === '' ? 'nothing' : field.value;
  const check = field.problem ? ` Check it: ${field.problem}.` : field.unsure ? ' Check it: a digit is unsure.' : '';
  return `As ${kind}: ${value}.${check}`;
}

/** A box and label over each digit of a reading; unsure digits are marked with a "?". */
export function digitBoxes(reading) {
  return reading.digits.map((d) => ({ box: d.box, label: d.unsure ? `${d.digit}?` : String(d.digit), unsure: d.unsure }));
}

/** The same boxes on an image scaled by kx across and ky down. */
export function scaleBoxes(boxes, kx, ky) {
  return boxes.map((b) => ({ ...b, box: [b.box[0] * kx, b.box[1] * ky, b.box[2] * kx, b.box[3] * ky] }));
}
