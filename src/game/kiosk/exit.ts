// How the organiser leaves kiosk mode, and a passing visitor does not: hold the top-left corner
// of the screen (a 64 CSS px square) for three seconds, with a finger or the mouse, then confirm
// in a dialog (ja/en). Leaving turns the stored setting off and reloads the page without
// `?kiosk=`: a normal game, with settings back on the menu. The dialog closes by itself after
// 30 seconds, so a visitor who found it by chance leaves the kiosk as it was.
import { tr, type Bilingual } from '../i18n';
import { openPanel, openPanelKey } from '../panels/host';
import { saveSettings } from '../settings';
import { testHooks } from '../testHooks';

export const EXIT_CORNER_PX = 64;
export const EXIT_HOLD_MS = 3000;
const DIALOG_TIMEOUT_MS = 30_000;
export const EXIT_PANEL_KEY = 'kiosk-exit';
/** The hold may wander this far (CSS px) from where it started; a swipe is not a hold. */
const HOLD_SLOP_PX = 24;

export const EXIT_TEXT = {
  title: { ja: '展示モードを終了しますか？', en: 'Leave kiosk mode?' },
  body: {
    ja: '終了すると、設定・学習・保存したモデル・履歴の操作がまた使えるようになります。展示を続けるなら「続ける」を押してください。',
    en: 'Leaving brings back settings, training, saved models and the history controls. To keep the kiosk running, choose “Stay”.',
  },
  leave: { ja: '展示モードを終了する', en: 'Leave kiosk mode' },
  stay: { ja: '続ける', en: 'Stay' },
} as const satisfies Record<string, Bilingual>;

/** The page's address without `?kiosk=`, so the reload is a normal game. */
export function urlWithoutKiosk(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('kiosk');
  return url.toString();
}

function leaveKiosk(): void {
  saveSettings({ kiosk: false });
  window.location.replace(urlWithoutKiosk(window.location.href));
}

function openExitDialog(): void {
  if (openPanelKey() === EXIT_PANEL_KEY) return;
  openPanel(EXIT_PANEL_KEY, (root, handle) => {
    root.classList.add('kiosk-exit');
    const box = document.createElement('div');
    box.className = 'card-surface kiosk-exit-box';
    box.setAttribute('role', 'alertdialog');
    const title = document.createElement('h2');
    title.textContent = tr(EXIT_TEXT.title);
    const body = document.createElement('p');
    body.textContent = tr(EXIT_TEXT.body);
    const button = (text: Bilingual, testId: string, onClick: () => void) => {
      const node = document.createElement('button');
      node.type = 'button';
      node.dataset.testid = testId;
      node.textContent = tr(text);
      node.addEventListener('click', onClick);
      return node;
    };
    const stay = button(EXIT_TEXT.stay, 'kiosk-stay', () => handle.close());
    const leave = button(EXIT_TEXT.leave, 'kiosk-leave', leaveKiosk);
    const actions = document.createElement('div');
    actions.className = 'kiosk-exit-actions';
    actions.append(stay, leave);
    box.append(title, body, actions);
    root.append(box);
    stay.focus();
    const timer = setTimeout(() => handle.close(), DIALOG_TIMEOUT_MS);
    return () => clearTimeout(timer);
  });
}

/** Listens for the organiser's hold on the corner for as long as the page lives. */
export function watchKioskExit(): void {
  let hold: { id: number; x: number; y: number; timer: ReturnType<typeof setTimeout> } | undefined;
  const cancel = () => {
    if (hold) clearTimeout(hold.timer);
    hold = undefined;
    testHooks().kioskExitHold = false;
  };
  window.addEventListener(
    'pointerdown',
    (event) => {
      cancel();
      if (event.clientX > EXIT_CORNER_PX || event.clientY > EXIT_CORNER_PX) return;
      const timer = setTimeout(() => {
        cancel();
        openExitDialog();
      }, EXIT_HOLD_MS);
      hold = { id: event.pointerId, x: event.clientX, y: event.clientY, timer };
      testHooks().kioskExitHold = true;
    },
    { capture: true },
  );
  const end = (event: PointerEvent) => {
    if (hold?.id === event.pointerId) cancel();
  };
  window.addEventListener('pointerup', end, { capture: true });
  window.addEventListener('pointercancel', end, { capture: true });
  window.addEventListener(
    'pointermove',
    (event) => {
      if (
        hold?.id === event.pointerId &&
        Math.hypot(event.clientX - hold.x, event.clientY - hold.y) > HOLD_SLOP_PX
      )
        cancel();
    },
    { capture: true },
  );
}
