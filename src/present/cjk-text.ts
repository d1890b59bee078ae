// The Chinese text the interface shows beside the English: the game's name and the sides' names.
// tools/make-font.ts subsets the shipped typeface to exactly these glyphs (and any CJK text in the
// shipped scenarios), so keep every Chinese string the UI prints here.
export const CJK = {
  title: '占上风', // "to hold the upper hand"
  us: '华盛顿', // Washington
  cn: '北京', // Beijing
} as const;

/** Every CJK character the interface itself may print. */
export const CJK_GLYPHS = Object.values(CJK).join('');
