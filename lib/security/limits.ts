import type { LimitRule } from "./rate-limit";

/**
 * Every limit of the portal in one place (why these numbers: docs/decisions/0008-rate-limits.md).
 * Per-address limits are far above what one office or Maison pour Tous behind a single NAT
 * address does in a day's peak; per-account, per-code and per-contact limits are the tight ones.
 */
export const LIMITS = {
  /** Failed staff sign-ins from one address (any e-mail). */
  signinAddress: { name: "signin-addr", max: 30, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /**
   * Failed sign-ins for an e-mail that has no usable account: the same 5 failures → 15-minute
   * lock as real accounts (lib/auth/lockout.ts), so "locked" says nothing about existence.
   */
  signinUnknownAccount: { name: "signin-acct", max: 4, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Self-mode questionnaire starts from one address (kiosks and assisted starts are not counted). */
  questionnaireStart: { name: "start-addr", max: 60, windowSeconds: 10 * 60 },
  /** Receipt-code look-ups from one address. */
  receiptLookup: { name: "receipt-addr", max: 20, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  /** Resume-code attempts from one address. */
  resumeCode: { name: "resume-addr", max: 20, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  /** Online bookings from one address. */
  bookingAddress: { name: "book-addr", max: 20, windowSeconds: 60 * 60 },
  /** Online bookings for one phone number or e-mail (counts cancel-and-rebook churn too). */
  bookingContact: { name: "book-contact", max: 6, windowSeconds: 24 * 60 * 60 },
} satisfies Record<string, LimitRule>;

/** Upcoming online appointments one phone number or e-mail may hold for one motive. */
export const MAX_UPCOMING_PER_CONTACT_AND_MOTIVE = 2;
