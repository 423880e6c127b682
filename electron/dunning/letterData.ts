import type { z } from 'zod';
import type { DunningLetter, LetterItem as LetterItemSchema, LetterParty as LetterPartySchema } from '../../shared/api/dunning';

/** What one dunning letter says, as plain data: the contract's schema (shared/api/dunning.ts) is the one definition. */
export type DunningLetterData = z.output<typeof DunningLetter>;
export type LetterParty = z.output<typeof LetterPartySchema>;
export type LetterItem = z.output<typeof LetterItemSchema>;

/**
 * The common Dutch window envelope (EA5/6, 220 x 110 mm, "venster links", A4 folded in three):
 * its window is about 90 x 40 mm, 20 mm from the left. On the sheet that puts the address field at
 * 20 mm from the left and 50 mm from the top; lines are kept within 85 x 40 mm so they stay visible
 * however the sheet shifts a few millimetres in the envelope. Other envelopes: the window setting.
 */
export const DEFAULT_WINDOW = { leftMm: 20, topMm: 50, widthMm: 85, heightMm: 40 } as const;
