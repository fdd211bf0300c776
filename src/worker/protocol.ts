import type { SectionResult } from '../parsers/registry';

export interface ParseRequest {
  id: number;
  text: string;
  source: string;
}

export type ParseResponse =
  { id: number; sections: SectionResult[] } | { id: number; error: string };

/** Pastes above this size are refused with a message instead of freezing a tab. */
export const MAX_PASTE_BYTES = 64 * 1024 * 1024;
