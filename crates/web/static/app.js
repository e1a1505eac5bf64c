// Progressive enhancement only: every form works without this file.
document.addEventListener('htmx:configRequest', (event) => {
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) event.detail.headers['X-CSRF-Token'] = meta.content;
});
// Move focus to the error summary so screen readers announce it.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
});
// Copy-link buttons ([data-copy] names the id of the input to copy). They stay hidden without
// JavaScript, where the read-only input can still be selected and copied by hand.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-copy]').forEach((button) => { button.hidden = false; });
});
document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-copy]');
  if (!button) return;
  const input = document.getElementById(button.dataset.copy);
  if (!input) return;
  const done = () => {
    const status = button.closest('.field')?.querySelector('.copy-status');
    if (status) status.textContent = button.dataset.copied || '';
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(input.value).then(done, () => { input.select(); });
  } else {
    input.select();
    if (document.execCommand && document.execCommand('copy')) done();
  }
});
// Improvement hints on the withdrawal page: tell the server once that the panel became
// visible when 「売れない」 is ticked (the stylesheet does the same without JavaScript).
document.addEventListener('change', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || box.name !== 'reasons' || box.value !== 'cannot-sell' || !box.checked) return;
  const panel = box.form && box.form.querySelector('.withdrawal-hints[data-seen]');
  if (!panel || panel.dataset.sent) return;
  panel.dataset.sent = '1';
  const meta = document.querySelector('meta[name="csrf-token"]');
  fetch(panel.dataset.seen, {
    method: 'POST',
    credentials: 'same-origin',
    headers: meta ? { 'X-CSRF-Token': meta.content } : {},
  }).catch(() => {});
});
