import type { SectionResult } from '../parsers/registry';

export interface ParseRequest {
  id: number;
  text: string;
  source: string;
}

export type ParseResponse =
  | { id: number; sections: SectionResult[] }
  | { id: number; error: string }
  /** Sent after each part of a paste, so the page can show progress on big ones. */
  | { id: number; progress: { done: number; total: number } };
