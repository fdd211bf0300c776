// vitest setup of the `dom` project: components translate through useT, which has only the
// start screen's texts until loadMessages() (the app awaits it before every other screen).
import { loadMessages } from '../i18n/loaded';

await loadMessages();
