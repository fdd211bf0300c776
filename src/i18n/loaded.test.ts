import { describe, expect, it } from 'vitest';
import { loadMessages, translateLoaded } from './loaded';
import { translate } from './translate';

describe('the texts the page has loaded (i18n/loaded.ts)', () => {
  it("has the start screen's texts at once, in both languages, and the rest after loadMessages", async () => {
    expect(translateLoaded('en', 'start.title')).toBe(translate('en', 'start.title'));
    expect(translateLoaded('zh-CN', 'start.title')).toBe(translate('zh-CN', 'start.title'));
    const other = 'cause.tcp-tw-recycle-nat.title';
    expect(translateLoaded('en', other)).toBe(other);
    await loadMessages();
    expect(translateLoaded('en', other)).toBe(translate('en', other));
    expect(translateLoaded('zh-CN', other)).toBe(translate('zh-CN', other));
  });
});
