const INCH = 72;

/** Sizes in points for one printed format. */
export interface PdfStyle {
  readonly name: 'standard' | 'large-print';
  /** `window-envelope`: letterhead, date and address at fixed places for a #10 window; `flowing`: one column. */
  readonly head: 'window-envelope' | 'flowing';
  readonly margin: number;
  readonly body: number;
  readonly h1: number;
  readonly h2: number;
  /** Letterhead and page numbers. */
  readonly small: number;
  /** Distance between baselines as a multiple of the type size. */
  readonly lineHeight: number;
  /** Blank space after a paragraph, list or table, in lines of body text. */
  readonly paragraphSpacing: number;
}

/**
 * Ordinary letters: 12 pt body, the smallest size the CNIB Clear Print guidelines accept, with lines 1.4 × the
 * type size apart (their floor for leading is 25–30 %); only the letterhead, the address in the envelope
 * window and the page numbers are 10 pt. Folded in three for a #10 window envelope.
 */
export const STANDARD_PRINT: PdfStyle = {
  name: 'standard',
  head: 'window-envelope',
  margin: 0.75 * INCH,
  body: 12,
  h1: 18,
  h2: 14,
  small: 10,
  lineHeight: 1.4,
  paragraphSpacing: 0.6,
};

/**
 * Large print, after the CNIB Clear Print Accessibility Guidelines: 18 pt body (the top of their 12–18 pt
 * range, as Guichet's large-print format promises), larger bold headings, lines 1.5 × the type size apart
 * (leading well above their 25–30 % floor), a sans-serif of medium weight, flush left, wide margins, black on
 * white. Nothing is smaller than 18 pt, the address included: large print is mailed flat in a 9 × 12 in
 * envelope, not folded into a window envelope, since CNIB notes flat pages are easier to read under a
 * magnifier.
 */
export const LARGE_PRINT: PdfStyle = {
  name: 'large-print',
  head: 'flowing',
  margin: 1 * INCH,
  body: 18,
  h1: 28,
  h2: 22,
  small: 18,
  lineHeight: 1.5,
  paragraphSpacing: 0.8,
};

/**
 * Where the recipient's address goes on a US Letter page folded in three for a #10 envelope (4 1/8 × 9 1/2 in)
 * with the common window of 1 1/8 × 4 1/2 in, 7/8 in from the left and 1/2 in from the bottom. Folded, the
 * top panel shows the window from 2.042 in to 3.167 in below the top edge; the page can shift 1/2 in
 * sideways and slide up, so the block keeps 1/8 in clear of the window edges and its last lines (city,
 * province, postal code: what sorting machines read) stay visible when the page slides.
 */
export const ADDRESS_WINDOW = {
  x: 1 * INCH,
  y: 2.125 * INCH,
  width: 3.25 * INCH,
  height: 0.875 * INCH,
  size: 10,
  lineHeight: 12.5,
} as const;

/** Body text starts below the window and the first fold's print area (3 3/8 in from the top). */
export const BODY_TOP_BELOW_WINDOW = 3.375 * INCH;

/** Right-hand column for the date and reference, beside the letterhead. */
export const META_COLUMN = { x: 5 * INCH, width: 2.75 * INCH } as const;
