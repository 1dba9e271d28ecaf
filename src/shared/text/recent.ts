/**
 * Remembers what `compute` gave for the last few long texts. Verifying a claim set asks about the same
 * documents once per quote (is it there, where does its sentence start, which passage is closest); working a
 * long document out again each time would make a large claim pack take minutes to verify in the browser.
 */
export interface Remembered {
  /** How many texts to keep at most. */
  texts: number;
  /** How many characters of text to keep at most, all texts together. */
  chars: number;
}

/** Texts shorter than this are quotes and statements, cheap to work out again. */
const LONG = 2000;

export function rememberRecent<T>(compute: (text: string) => T, keep: Remembered): (text: string) => T {
  const recent = new Map<string, T>();
  let chars = 0;
  return (text) => {
    if (text.length < LONG || text.length > keep.chars) return compute(text);
    const known = recent.get(text);
    if (known !== undefined) {
      // Most recently used last, so the oldest is the first to go.
      recent.delete(text);
      recent.set(text, known);
      return known;
    }
    const value = compute(text);
    recent.set(text, value);
    chars += text.length;
    for (const oldest of recent.keys()) {
      if (recent.size <= keep.texts && chars <= keep.chars) break;
      recent.delete(oldest);
      chars -= oldest.length;
    }
    return value;
  };
}
