// What the caller can say about how to read dates.

export interface DateOptions {
  /** How to read 04/05/2022: 'dmy', 'mdy', or 'auto' (default) = use evidence. */
  numericOrder?: 'auto' | 'dmy' | 'mdy';
  /** What the rest of the corpus does (computed by the corpus index from unambiguous numeric dates). */
  corpusNumericOrder?: 'dmy' | 'mdy';
  /**
   * Also emit the references TimeML marks and our guidelines do not (`now` PRESENT_REF,
   * `recently` PAST_REF, `the future` FUTURE_REF, `the quarter`, `the year`), and write decades
   * TimeML's way (`199X`). For measuring on TempEval only; the corpus analysis leaves it off.
   */
  timeml?: boolean;
}
