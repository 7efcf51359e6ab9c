// What kiosk mode locks: everything a passing visitor could change or lose for the organiser.
// Settings (and with them training, saved models, model import and delete) are off the title
// menu; the progress panel's export, import, erase and damaged-record delete, and the Dell lab's
// map building (it writes to the map store) are replaced by a short note saying why; a visitor's
// match is not written to the history, their arrangement is not kept as the 定位置, and the
// language they pick on the title lasts until the attract loop returns.
import { tr, type Bilingual } from '../i18n';
import { KIOSK } from './param';

export const KIOSK_LOCKED: boolean = KIOSK !== null;

export const KIOSK_LOCKED_TEXT: Bilingual = {
  ja: '展示モードでは使えません',
  en: 'Not available in kiosk mode',
};

/** The note shown where locked controls would be; `what` names them (e.g. 履歴の書き出し…). */
export function kioskLockedNote(what: Bilingual): HTMLElement {
  const note = document.createElement('p');
  note.className = 'kiosk-locked';
  note.dataset.testid = 'kiosk-locked';
  note.textContent = `${tr(what)} — ${tr(KIOSK_LOCKED_TEXT)}`;
  return note;
}
